using System.Collections.Frozen;
using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>
/// The invoker's settings (<c>actoripc.invoker</c>), read once: the settings of every key
/// (<c>default</c>) and those of the keys named under <c>keys</c>, each laid over the default.
/// </summary>
internal sealed class InvokerSettings
{
    public const string Section = "actoripc.invoker";

    private readonly FrozenDictionary<string, KeySettings> _keys;

    private InvokerSettings(KeySettings defaults, FrozenDictionary<string, KeySettings> keys)
    {
        Default = defaults;
        _keys = keys;
    }

    public KeySettings Default { get; }

    /// <summary>The settings of the key named <paramref name="name"/>.</summary>
    public KeySettings For(string name) => _keys.TryGetValue(name, out var settings) ? settings : Default;

    /// <summary>Reads and checks the settings; a bad value is reported with its path and position.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range.</exception>
    public static InvokerSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaultSection = config.GetConfig($"{Section}.default");
        var defaults = Read(defaultSection);
        var keys = new Dictionary<string, KeySettings>(StringComparer.Ordinal);
        foreach (var name in config.GetKeys($"{Section}.keys"))
        {
            var path = $"{Section}.keys.{PathElement(name)}";
            keys[name] = Read(config.GetConfig(path).WithFallback(defaultSection));
        }

        return new InvokerSettings(defaults, keys.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static KeySettings Read(Config section)
    {
        var timeout = section.GetTimeSpan("timeout");
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            throw section.InvalidValue("timeout", "a call's timeout must be positive and finite: every call ends");
        }

        var routing = section.GetString("routing") switch
        {
            "round-robin" => Routing.RoundRobin,
            "least-in-flight" => Routing.LeastInFlight,
            var other => throw section.InvalidValue("routing", $"'{other}' is not a routing (round-robin or least-in-flight)"),
        };

        var tries = section.GetInt("tries");
        if (tries < 1)
        {
            throw section.InvalidValue("tries", "a call tries at least one callee");
        }

        return new KeySettings(timeout, routing, section.GetBoolean("idempotent"), tries);
    }

    // A key's name may hold dots and spaces: quoted, it is one path element.
    private static string PathElement(string name) =>
        "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
