using System.CommandLine;
using ActorIpc.Cli.Benchmarks.Processes;

namespace ActorIpc.Cli.Commands;

/// <summary>
/// <c>actoripc bench-worker</c>, hidden from help: a worker of the process benchmarks
/// (<c>failover</c>, <c>cold-start</c>), started by the bench process's fleet.
/// </summary>
internal static class BenchWorkerCommand
{
    public const string Name = "bench-worker";

    public const string AkkaClusterDefaultsOption = "--akka-cluster-defaults";

    public static Command Create(TextWriter stderr)
    {
        var akkaDefaults = new Option<bool>(AkkaClusterDefaultsOption)
        {
            Description = "Run with Akka's own cluster timings instead of ActorIpc's reference tuning (the Akka baseline of 'bench cold-start').",
        };
        var command = new Command(Name, "A worker of the process benchmarks, started by their fleet.")
        {
            akkaDefaults,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => BenchWorker.RunAsync(parse.GetValue(akkaDefaults), stderr, cancellationToken));
        return command;
    }
}
