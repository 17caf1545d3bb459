using ActorIpc.Hocon;

namespace ActorIpc.Configuration;

/// <summary>
/// The actor system's settings, read once from the merged configuration (the user's over the
/// embedded reference) into immutable values.
/// </summary>
public sealed record ActorSystemSettings
{
    private ActorSystemSettings(Config config)
    {
        Config = config;
        AskTimeout = SettingsReader.PositiveDuration(config, "actoripc.actor.ask-timeout");
        DebugUnhandled = config.GetBoolean("actoripc.actor.debug-unhandled");
        SchedulerTick = SettingsReader.PositiveDuration(config, "actoripc.scheduler.tick-duration");
        TicksPerWheel = SettingsReader.PowerOfTwo(config, "actoripc.scheduler.ticks-per-wheel");
        LogDeadLetters = SettingsReader.OnOffOrCount(config, "actoripc.log-dead-letters");
        LogDeadLettersSuspendDuration = SettingsReader.PositiveDuration(config, "actoripc.log-dead-letters-suspend-duration");
        LogDeadLettersDuringShutdown = config.GetBoolean("actoripc.log-dead-letters-during-shutdown");
        ShutdownPhases = SettingsReader.ShutdownPhases(config);
        Dispatchers = SettingsReader.Dispatchers(config);
        Mailboxes = SettingsReader.Mailboxes(config);
    }

    /// <summary>The merged, resolved configuration the settings came from.</summary>
    public Config Config { get; }

    /// <summary><c>actoripc.actor.ask-timeout</c>: the timeout of an Ask that names none.</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary><c>actoripc.actor.debug-unhandled</c>: log unhandled messages at debug level.</summary>
    public bool DebugUnhandled { get; }

    /// <summary><c>actoripc.scheduler.tick-duration</c>: the timer wheel's resolution.</summary>
    public TimeSpan SchedulerTick { get; }

    /// <summary><c>actoripc.scheduler.ticks-per-wheel</c>: buckets in the timer wheel.</summary>
    public int TicksPerWheel { get; }

    /// <summary><c>actoripc.log-dead-letters</c>: how many dead letters to log before going quiet (0: none; <see cref="int.MaxValue"/>: all).</summary>
    public int LogDeadLetters { get; }

    /// <summary><c>actoripc.log-dead-letters-suspend-duration</c>: how long to stay quiet after the limit.</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; }

    /// <summary><c>actoripc.log-dead-letters-during-shutdown</c>.</summary>
    public bool LogDeadLettersDuringShutdown { get; }

    /// <summary>The coordinated-shutdown phases in order, each with its timeout.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Timeout)> ShutdownPhases { get; }

    internal IReadOnlyDictionary<string, DispatcherSettings> Dispatchers { get; }

    internal IReadOnlyDictionary<string, MailboxSettings> Mailboxes { get; }

    /// <summary>The reference configuration embedded in the assembly.</summary>
    public static Config Reference { get; } =
        ConfigFactory.ParseResource(typeof(ActorSystemSettings).Assembly, "ActorIpc.reference.conf", new ConfigParseOptions { OriginName = "reference.conf", Resolve = false });

    /// <summary>Reads settings from <paramref name="config"/> laid over the reference configuration.</summary>
    /// <exception cref="HoconException">A setting is missing, of the wrong type, or out of range; the message names its path.</exception>
    public static ActorSystemSettings Load(Config? config)
    {
        var merged = (config ?? Config.Empty).WithFallback(Reference).Resolve();
        return new ActorSystemSettings(merged);
    }
}
