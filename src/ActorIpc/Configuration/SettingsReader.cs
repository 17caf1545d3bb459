using ActorIpc.Hocon;

namespace ActorIpc.Configuration;

/// <summary>Reads and checks settings, with errors that name the path and where its value was written.</summary>
internal static class SettingsReader
{
    public static TimeSpan PositiveDuration(Config config, string path)
    {
        var value = config.GetTimeSpan(path);
        return value > TimeSpan.Zero ? value : throw Invalid(config, path, $"expected a positive duration, got {value}");
    }

    public static int PowerOfTwo(Config config, string path)
    {
        var value = config.GetInt(path);
        return value > 0 && (value & (value - 1)) == 0 ? value : throw Invalid(config, path, $"expected a power of two, got {value}");
    }

    /// <summary><c>on</c> (all), <c>off</c> (none) or a count.</summary>
    public static int OnOffOrCount(Config config, string path)
    {
        var value = config.GetValue(path);
        if (value is HoconBoolean || (value is HoconString s && s.Value is "on" or "off" or "yes" or "no"))
        {
            return config.GetBoolean(path) ? int.MaxValue : 0;
        }

        var count = config.GetInt(path);
        return count >= 0 ? count : throw Invalid(config, path, $"expected on, off or a count of at least 0, got {count}");
    }

    public static IReadOnlyList<(string Phase, TimeSpan Timeout)> ShutdownPhases(Config config)
    {
        const string Root = "actoripc.coordinated-shutdown";
        var fallback = PositiveDuration(config, Root + ".default-phase-timeout");
        var phases = config.GetStringList(Root + ".phases");
        var timeouts = config.GetConfig(Root + ".phase-timeouts");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, TimeSpan)>(phases.Count);
        foreach (var phase in phases)
        {
            if (!seen.Add(phase))
            {
                throw Invalid(config, Root + ".phases", $"the phase '{phase}' is listed twice");
            }

            result.Add((phase, timeouts.HasPath(Quote(phase)) ? PositiveDuration(timeouts, Quote(phase)) : fallback));
        }

        if (!seen.Contains(CoordinatedShutdown.ActorSystemTerminatePhase))
        {
            throw Invalid(config, Root + ".phases", $"the phases must include '{CoordinatedShutdown.ActorSystemTerminatePhase}', in which the actors stop");
        }

        return result;
    }

    public static IReadOnlyDictionary<string, DispatcherSettings> Dispatchers(Config config)
    {
        const string Root = "actoripc.actor.dispatchers";
        var result = new Dictionary<string, DispatcherSettings>(StringComparer.Ordinal);
        foreach (var id in config.GetKeys(Root))
        {
            var path = $"{Root}.{Quote(id)}";

            // What a dispatcher leaves out it takes from `default`, which reference.conf fills in;
            // an error names the path the value was read from.
            string From(string key) => config.HasPath(path + key) ? path + key : Root + ".default" + key;

            var typePath = From(".type");
            var type = config.GetString(typePath);
            var pinned = type switch
            {
                "thread-pool" => false,
                "pinned" => true,
                _ => throw Invalid(config, typePath, $"unknown dispatcher type \"{type}\" (expected thread-pool or pinned)"),
            };
            var throughputPath = From(".throughput");
            var throughput = config.GetInt(throughputPath);
            if (throughput < 1)
            {
                throw Invalid(config, throughputPath, $"expected at least 1, got {throughput}");
            }

            var deadlinePath = From(".throughput-deadline-time");
            var deadline = config.GetTimeSpan(deadlinePath);
            if (deadline < TimeSpan.Zero)
            {
                throw Invalid(config, deadlinePath, $"expected a duration of at least 0 (0 for no limit), got {deadline}");
            }

            result[id] = new DispatcherSettings(id, pinned, throughput, deadline);
        }

        return result;
    }

    public static IReadOnlyDictionary<string, MailboxSettings> Mailboxes(Config config)
    {
        const string Root = "actoripc.actor.mailboxes";
        var result = new Dictionary<string, MailboxSettings>(StringComparer.Ordinal);
        foreach (var id in config.GetKeys(Root))
        {
            var path = $"{Root}.{Quote(id)}";
            var type = config.GetString(path + ".type", "unbounded");
            result[id] = type switch
            {
                "unbounded" => new MailboxSettings(id, MailboxKind.Unbounded, 0, OverflowStrategy.DropNew, null),
                "bounded" => Bounded(config, id, path),
                "priority" => new MailboxSettings(id, MailboxKind.Priority, 0, OverflowStrategy.DropNew, Priority(config, path + ".priority")),
                _ => throw Invalid(config, path + ".type", $"unknown mailbox type \"{type}\" (expected unbounded, bounded or priority)"),
            };
        }

        return result;
    }

    public static HoconException Invalid(Config config, string path, string reason) => config.InvalidValue(path, reason);

    private static MailboxSettings Bounded(Config config, string id, string path)
    {
        var capacity = config.GetInt(path + ".capacity");
        if (capacity < 1)
        {
            throw Invalid(config, path + ".capacity", $"expected a capacity of at least 1, got {capacity}");
        }

        var overflow = config.GetString(path + ".overflow", "drop-new") switch
        {
            "drop-new" => OverflowStrategy.DropNew,
            "drop-oldest" => OverflowStrategy.DropOldest,
            var other => throw Invalid(config, path + ".overflow", $"unknown overflow \"{other}\" (expected drop-new or drop-oldest)"),
        };
        return new MailboxSettings(id, MailboxKind.Bounded, capacity, overflow, null);
    }

    private static IMessagePriority Priority(Config config, string path)
    {
        var typeName = config.GetString(path);
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw Invalid(config, path, $"the type \"{typeName}\" was not found (give 'Namespace.Type, Assembly')");
        if (!typeof(IMessagePriority).IsAssignableFrom(type))
        {
            throw Invalid(config, path, $"the type \"{typeName}\" does not implement ActorIpc.IMessagePriority");
        }

        try
        {
            return (IMessagePriority)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is MissingMethodException or System.Reflection.TargetInvocationException or MemberAccessException)
        {
            throw Invalid(config, path, $"cannot create \"{typeName}\": {e.Message}");
        }
    }

    private static string Quote(string key) =>
        key.AsSpan().IndexOfAny(".\" ") >= 0 ? "\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : key;
}
