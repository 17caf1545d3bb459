using ActorIpc.Configuration;
using ActorIpc.Hocon;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationException = Akka.Configuration.ConfigurationException;

namespace ActorIpc.Broadcast;

/// <summary>The messenger's settings (<c>actoripc.broadcast</c>), read once when a node's messenger starts.</summary>
/// <param name="AskTimeout">
/// How long subscribing waits for this node's messenger, and counting subscribers or choosing one
/// waits for the other nodes' answers.
/// </param>
internal sealed record MessengerSettings(TimeSpan AskTimeout)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "actoripc.broadcast";

    private const string AskTimeoutPath = $"{Section}.ask-timeout";

    // The defaults, for an actor system whose configuration lacks the section (one not made by
    // ActorIpcNode).
    private static readonly Lazy<TimeSpan> ReferenceAskTimeout =
        new(() => ActorIpcConfig.WithDefaults(Config.Empty).GetTimeSpan(AskTimeoutPath));

    /// <summary>Reads the settings from an actor system's configuration.</summary>
    /// <param name="config">The actor system's configuration; without the section, ActorIpc's defaults apply.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="AkkaConfigurationException">A setting is invalid.</exception>
    public static MessengerSettings Create(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.HasPath(AskTimeoutPath))
        {
            return new MessengerSettings(ReferenceAskTimeout.Value);
        }

        TimeSpan askTimeout;
        try
        {
            askTimeout = config.GetTimeSpan(AskTimeoutPath);
        }
        catch (FormatException e)
        {
            throw new AkkaConfigurationException($"expected a positive duration at {AskTimeoutPath}, got '{config.GetString(AskTimeoutPath)}'", e);
        }

        // Akka reads "infinite" as -1 ms: every call ends, so it is refused like zero.
        if (askTimeout <= TimeSpan.Zero)
        {
            throw new AkkaConfigurationException($"expected a positive duration at {AskTimeoutPath}, got '{config.GetString(AskTimeoutPath)}'");
        }

        return new MessengerSettings(askTimeout);
    }
}
