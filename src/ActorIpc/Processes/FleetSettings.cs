using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>
/// The topology a parent's fleet runs (<c>actoripc.processes</c>, each process laid over
/// <c>actoripc.fleet.defaults</c>) and the fleet's own settings (<c>actoripc.fleet</c>), read
/// once: when a node starts (<c>ActorIpcNode.CheckSettings</c>) and when its fleet starts.
/// </summary>
/// <param name="Processes">The processes, in the order the configuration declares them: started together, stopped in reverse.</param>
/// <param name="LogLines">How many of its last output lines each replica keeps.</param>
/// <param name="LogOutput">Whether the children's output lines go to the parent's log.</param>
/// <param name="MemorySampleInterval">How often each replica's resident memory is read.</param>
/// <param name="KillWithParent">Whether children are started under <c>setpriv --pdeathsig KILL</c>.</param>
/// <param name="Name">The fleet's name, which names its control socket; <see langword="null"/> when not set.</param>
internal sealed record FleetSettings(IReadOnlyList<ProcessSettings> Processes, int LogLines, bool LogOutput, TimeSpan MemorySampleInterval, bool KillWithParent, string? Name = null)
{
    public const string ProcessesSection = "actoripc.processes";
    public const string Section = "actoripc.fleet";
    public const string DefaultsSection = Section + ".defaults";

    private static readonly string[] FleetKeys = ["defaults", "log-lines", "log-output", "memory-sample-interval", "kill-with-parent", "name"];

    /// <summary>Reads and checks the settings, paths relative to the application's folder.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range; the message names its path and position.</exception>
    public static FleetSettings Create(Config config) => Create(config, AppContext.BaseDirectory);

    /// <summary>Reads and checks the settings, paths relative to <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range; the message names its path and position.</exception>
    public static FleetSettings Create(Config config, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        SettingReader.RequireKnown(config, Section, FleetKeys);
        SettingReader.RequireKnown(config, DefaultsSection, ProcessSettings.Settings);
        var fleet = config.GetConfig(Section);
        var defaults = config.GetConfig(DefaultsSection);
        var processes = new List<ProcessSettings>();
        foreach (var name in config.GetKeys(ProcessesSection))
        {
            var path = $"{ProcessesSection}.{SettingReader.Quote(name)}";
            if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw config.InvalidValue(path, $"'{name}' is not a process name: 1 to 64 letters, digits, '-' or '_'");
            }

            SettingReader.RequireKnown(config, path, ProcessSettings.Settings);
            processes.Add(ProcessSettings.Read(name, config.GetConfig(path).WithFallback(defaults), baseDirectory));
        }

        var fleetName = fleet.GetString("name");
        if (fleetName.Length > 0 && ControlPaths.Refusal(fleetName) is { } refusal)
        {
            throw fleet.InvalidValue("name", refusal);
        }

        return new FleetSettings(
            processes,
            SettingReader.Int(fleet, "log-lines", 0, 1_000_000, "must be 0 or more"),
            fleet.GetBoolean("log-output"),
            SettingReader.Positive(fleet, "memory-sample-interval", "must be positive and finite"),
            fleet.GetBoolean("kill-with-parent"),
            fleetName.Length > 0 ? fleetName : null);
    }

    /// <summary>
    /// Checks what only the file system can tell, when the fleet starts: each program that is a path
    /// exists, and so does each working directory.
    /// </summary>
    /// <exception cref="HoconException">A file or folder is missing; the message names the setting and its position.</exception>
    public void CheckFiles(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var process in Processes.Where(p => p.Replicas > 0))
        {
            var section = config.GetConfig($"{ProcessesSection}.{SettingReader.Quote(process.Name)}").WithFallback(config.GetConfig(DefaultsSection));
            if (Path.IsPathRooted(process.ProgramPath) && !File.Exists(process.ProgramPath))
            {
                throw section.InvalidValue("program", $"process '{process.Name}': no such file {process.ProgramPath}");
            }

            if (process.WorkingDirectory is { } directory && !Directory.Exists(directory))
            {
                throw section.InvalidValue("working-directory", $"process '{process.Name}': no such folder {directory}");
            }
        }
    }
}
