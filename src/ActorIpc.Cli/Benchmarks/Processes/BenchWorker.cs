using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// A worker of the process benchmarks (<c>actoripc bench-worker</c>), started by the bench
/// process's fleet: it joins the cluster of its parent, whose address the fleet hands it in
/// <c>ACTORIPC_SEED</c>, registers a <see cref="PidEcho"/> under both keys of
/// <see cref="FleetBenchConfig"/>, and lives until its parent closes its standard input (the
/// supervised node then leaves the cluster and the process ends) or kills it.
/// </summary>
internal static class BenchWorker
{
    // What a fleet tells each child (see the README's process supervisor): the seed, and its name,
    // whose presence makes the node supervised.
    private const string SeedVariable = "ACTORIPC_SEED";
    private const string ProcessVariable = "ACTORIPC_PROCESS";

    public static async Task<int> RunAsync(bool akkaClusterDefaults, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is not { Length: > 0 } seed
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProcessVariable)))
        {
            stderr.WriteLine($"actoripc: bench-worker is started by a benchmark's fleet, which sets {SeedVariable} and {ProcessVariable}");
            return CliApp.UsageError;
        }

        var node = await ActorIpcNode.StartAsync(FleetBenchConfig.Worker(seed, akkaClusterDefaults), cancellationToken).ConfigureAwait(false);
        var echo = node.System.ActorOf(Props.Create(typeof(PidEcho)), "pid-echo");
        var receptionist = Receptionist.Get(node.System);
        receptionist.Register(FleetBenchConfig.PlainKey, echo);
        receptionist.Register(FleetBenchConfig.IdempotentKey, echo);
        try
        {
            await node.System.WhenTerminated.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        return CliApp.Ok;
    }
}
