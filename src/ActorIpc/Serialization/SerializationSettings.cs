using ActorIpc.Configuration;
using ActorIpc.Hocon;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationException = Akka.Configuration.ConfigurationException;

namespace ActorIpc.Serialization;

/// <summary>
/// What may cross the wire (<c>actoripc.serialization</c>), read once from a node's
/// configuration: the user's <c>allowed-types</c>, the built-in <c>system-types</c>, and the
/// <c>exception-types</c> that arrive as themselves.
/// </summary>
/// <param name="AllowedTypes">The user's types (<c>allowed-types</c>).</param>
/// <param name="SystemTypes">The base class library's value types and collections (<c>system-types</c>).</param>
/// <param name="ExceptionTypes">Exception types re-created on arrival in addition to the two lists above (<c>exception-types</c>).</param>
internal sealed record SerializationSettings(
    IReadOnlyList<TypePattern> AllowedTypes,
    IReadOnlyList<TypePattern> SystemTypes,
    IReadOnlyList<TypePattern> ExceptionTypes)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "actoripc.serialization";

    private static readonly string[] Lists = ["allowed-types", "system-types", "exception-types"];

    // The defaults, for an actor system whose configuration lacks the section (one not made by
    // ActorIpcNode, with ActorIpc's serializers configured by hand).
    private static readonly Lazy<SerializationSettings> Reference =
        new(() => Create(ActorIpcConfig.WithDefaults(Config.Empty)));

    /// <summary>
    /// Reads and checks the settings from a node's configuration, so that a bad entry is reported
    /// with its file and position before the actor system starts.
    /// </summary>
    /// <param name="config">The node's resolved configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="HoconException">An entry is not a valid pattern; the message names the path, the entry and its position.</exception>
    public static SerializationSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Read(config.GetStringList, (path, index, reason) =>
            Invalid(path, index, reason, config.GetValue(path) is HoconArray entries && index < entries.Count ? entries[index] : null));
    }

    /// <summary>Reads the settings from an actor system's configuration, as the serializers do.</summary>
    /// <param name="config">The actor system's configuration; without the section, ActorIpc's defaults apply.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="AkkaConfigurationException">An entry is not a valid pattern.</exception>
    public static SerializationSettings Create(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.HasPath(Section))
        {
            return Reference.Value;
        }

        return Read(path => [.. config.GetStringList(path)], (path, index, reason) => new AkkaConfigurationException($"{reason} at {path}[{index}]"));
    }

    /// <summary>The allow-list of Hyperion: the user's types, the system types and the always-allowed surrogates.</summary>
    /// <returns>A new list with its own cache.</returns>
    public TypeAllowList CreateMessageAllowList() =>
        new(AllowedTypes.Concat(SystemTypes), AlwaysAllowedTypes.Contains);

    /// <summary>The exception types re-created on arrival: <c>exception-types</c>, the user's types and the system types.</summary>
    /// <returns>A new list with its own cache.</returns>
    public TypeAllowList CreateExceptionAllowList() =>
        new(ExceptionTypes.Concat(AllowedTypes).Concat(SystemTypes));

    private static SerializationSettings Read(Func<string, IReadOnlyList<string>> entriesAt, Func<string, int, string, Exception> invalid)
    {
        var lists = Lists.Select(list =>
        {
            var path = $"{Section}.{list}";
            return entriesAt(path).Select((entry, index) => TypePattern.TryParse(entry, out var pattern, out var reason)
                ? pattern
                : throw invalid(path, index, reason)).ToArray();
        }).ToArray();
        return new SerializationSettings(lists[0], lists[1], lists[2]);
    }

    private static HoconException Invalid(string path, int index, string reason, HoconValue? entry)
    {
        var message = entry is { Line: > 0 }
            ? $"{reason} at {path}[{index}] ({entry.Origin}:{entry.Line}:{entry.Column})"
            : $"{reason} at {path}[{index}]";
        return new HoconException(message, reason, entry?.Origin, entry?.Line ?? 0, entry?.Column ?? 0, path);
    }
}
