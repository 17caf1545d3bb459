using System.CommandLine;
using ActorIpc.Cli.Fleets;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc run TOPOLOGY [--name NAME]</c>: run a topology's fleet in the foreground.</summary>
internal static class RunCommand
{
    public const string Name = "run";

    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr)
    {
        var topology = new Argument<string>("TOPOLOGY")
        {
            Description = "The HOCON file of the application: its processes (actoripc.processes) and every setting of this node, the cluster's seed.",
        };
        var name = FleetClientCommand.NameOption("The fleet's name, which names its control socket. Default: actoripc.fleet.name, else the file's name without its extension.");
        var command = new Command(Name, "Run a topology's fleet in the foreground: a live table at a terminal, a line per change of state otherwise. Ctrl-C or SIGTERM stops it in order.")
        {
            topology,
            name,
        };
        command.SetAction((parse, _) => new FleetRun(parse.GetValue(topology)!, parse.GetValue(name), controlDirectory, stdout, stderr).RunAsync());
        return command;
    }
}
