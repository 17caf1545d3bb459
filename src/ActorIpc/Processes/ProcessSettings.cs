using ActorIpc.Hocon;
using ActorIpc.Hosting;

namespace ActorIpc;

/// <summary>
/// One process of the topology (<c>actoripc.processes.NAME</c> over <c>actoripc.fleet.defaults</c>),
/// read once: what to start, how many, and how to keep it alive.
/// </summary>
/// <param name="Name">The process's name in the topology.</param>
/// <param name="Program">
/// The program as written; <see cref="ProgramPath"/> is where it is looked for.
/// </param>
/// <param name="ProgramPath">
/// A full path (a path in the setting is relative to the application's folder), or a bare name
/// that the operating system looks up in <c>PATH</c>.
/// </param>
/// <param name="Arguments">The program's arguments (after the assembly, for a <c>*.dll</c>).</param>
/// <param name="WorkingDirectory">The child's working directory; <see langword="null"/>: the parent's.</param>
/// <param name="Environment">Variables set for the child, over the parent's own.</param>
/// <param name="Replicas">How many copies run.</param>
/// <param name="Roles">The cluster roles each replica's node takes (over its <c>actoripc.node.roles</c>); empty: its own.</param>
/// <param name="Keys">The names of the service keys a replica must register before it is ready.</param>
/// <param name="Restart">How a replica is started again.</param>
/// <param name="MemoryLimit">The resident set, in bytes, beyond which a replica is restarted; <see langword="null"/>: no limit.</param>
/// <param name="ReadyTimeout">How long a started replica has to join and register its keys.</param>
/// <param name="StopTimeout">How long a replica asked to stop has before it is killed.</param>
/// <param name="Health">How a ready replica is probed.</param>
internal sealed record ProcessSettings(
    string Name,
    string Program,
    string ProgramPath,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int Replicas,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Keys,
    RestartPolicy Restart,
    long? MemoryLimit,
    TimeSpan ReadyTimeout,
    TimeSpan StopTimeout,
    HealthSettings Health)
{
    public static readonly string[] Settings =
    [
        "program", "arguments", "working-directory", "environment", "replicas", "roles", "keys",
        "restart", "memory-limit", "ready-timeout", "stop-timeout", "health",
    ];

    /// <summary>Whether the program is a .NET assembly, run with the dotnet host.</summary>
    public bool IsAssembly => Program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one process from its section laid over the defaults; paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range.</exception>
    public static ProcessSettings Read(string name, Config section, string baseDirectory)
    {
        var program = section.GetString("program").Trim();
        if (program.Length == 0)
        {
            throw section.InvalidValue("program", $"process '{name}' names no program: an executable, or a .NET assembly (*.dll)");
        }

        var directory = section.GetString("working-directory").Trim();
        var memory = SettingReader.IsOff(section, "memory-limit") ? (long?)null : section.GetByteSize("memory-limit");
        if (memory <= 0)
        {
            throw section.InvalidValue("memory-limit", "must be a positive size (512 MiB), or off");
        }

        return new ProcessSettings(
            name,
            program,
            Locate(program, baseDirectory),
            section.GetStringList("arguments"),
            directory.Length == 0 ? null : Path.GetFullPath(directory, baseDirectory),
            ReadEnvironment(section),
            SettingReader.Int(section, "replicas", 0, 1024, "must be between 0 and 1024"),
            SettingReader.Names(section, "roles", "role", 256),
            SettingReader.Names(section, "keys", "service key name", 256),
            RestartPolicy.Read(section),
            memory,
            SettingReader.Positive(section, "ready-timeout", "a replica's time to be ready must be positive and finite"),
            SettingReader.NonNegative(section, "stop-timeout", "must be 0 (kill at once) or more, and finite"),
            HealthSettings.Read(section));
    }

    /// <summary>A path (with a slash, or an assembly) against the application's folder; a bare name for <c>PATH</c>.</summary>
    internal static string Locate(string program, string baseDirectory) =>
        Path.IsPathRooted(program) || program.Contains('/', StringComparison.Ordinal) || program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(program, baseDirectory)
            : program;

    private static Dictionary<string, string> ReadEnvironment(Config section)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in section.GetKeys("environment"))
        {
            var path = $"environment.{SettingReader.Quote(variable)}";
            if (variable.Length == 0 || variable.Contains('=', StringComparison.Ordinal) || variable.Contains('\0', StringComparison.Ordinal))
            {
                throw section.InvalidValue(path, $"'{variable}' is not an environment variable's name");
            }

            if (ChildIdentity.Variables.Contains(variable))
            {
                throw section.InvalidValue(path, $"{variable} is set by the fleet for each replica");
            }

            environment[variable] = section.GetString(path);
        }

        return environment;
    }
}
