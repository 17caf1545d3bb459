using System.Diagnostics;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// <c>actoripc bench cold-start</c>: a fleet of four workers (copies of this command running
/// <c>bench-worker</c>) from <see cref="Fleet.StartAsync"/> until each of the four has answered a
/// call, five rounds, each with a parent node of its own; min / median / max against the target.
/// Akka.NET's baseline is the same with Akka's own cluster timings in the parent and the workers
/// (<see cref="AkkaClusterDefaults"/>: ActorIpc's reference tuning switched back); the two take
/// turns, round by round, so that a busy spell of the machine falls on both. Ends with the
/// headline <c>cold-start: N ms</c>, the median with ActorIpc's tuning.
/// </summary>
internal sealed class ColdStartBenchmark : IBenchmark
{
    private const int Rounds = 5;

    private const int Workers = 4;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Between rounds the parent stops the fleet by killing the workers (not timed): each round
    // starts from no worker at all, and no round waits for the last one's workers to leave.
    private const string ProcessSettings = "stop-timeout = 0s";

    public string Name => "cold-start";

    public string Description => "A fleet of four workers from its start until all four answer a call, 5 rounds; with ActorIpc's cluster tuning and with Akka's defaults.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var rounds = context.Quick ? 1 : Rounds;
        output.WriteLine($"a fleet of {Workers} replicas of 'actoripc {Commands.BenchWorkerCommand.Name}' started by a parent node of its own each round, {rounds} round{(rounds == 1 ? "" : "s")} of each way, the two taking turns: "
            + "from Fleet.StartAsync until each replica has answered an Ask (ready: joined, and its callee listed in the parent)");
        output.WriteLine($"  {FleetBenchConfig.DescribeTimings(akkaClusterDefaults: false)}");
        output.WriteLine($"  {FleetBenchConfig.DescribeTimings(akkaClusterDefaults: true)}");
        output.WriteLine($"  {ReadyToRun.Describe()}");
        var tuned = new List<double>(rounds);
        var akka = new List<double>(rounds);
        for (var round = 1; round <= rounds; round++)
        {
            tuned.Add(await RoundAsync(context, round, akkaClusterDefaults: false, cancellationToken).ConfigureAwait(false));
            akka.Add(await RoundAsync(context, round, akkaClusterDefaults: true, cancellationToken).ConfigureAwait(false));
        }

        var median = new Timings(tuned);
        output.WriteLine($"start -> all {Workers} answer, {rounds} round{(rounds == 1 ? "" : "s")} (min / median / max):");
        context.Spread("ActorIpc's cluster tuning", median, "ms", "<= 2000 ms");
        context.Spread("Akka.NET's cluster defaults (baseline)", new Timings(akka), "ms");
        context.Headline(Name, median.Median, "ms");
        return CliApp.Ok;
    }

    /// <summary>One round, printed: returns the ms from the fleet's start until all replicas answered.</summary>
    private static async Task<double> RoundAsync(BenchContext context, int round, bool akkaClusterDefaults, CancellationToken cancellationToken)
    {
        var (ready, answered, pids) = await StartFleetAsync(akkaClusterDefaults, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(
            $"  round {round}, {(akkaClusterDefaults ? "Akka's defaults: " : "ActorIpc's tuning:")} ready after {ready:0} ms, all {Workers} answered after {answered:0} ms (pids {string.Join(", ", pids)})");
        return answered;
    }

    private static async Task<(double ReadyMs, double AnsweredMs, int[] Pids)> StartFleetAsync(bool akkaClusterDefaults, CancellationToken cancellationToken)
    {
        await using var parent = await ActorIpcNode.StartAsync(FleetBenchConfig.Parent(Workers, ProcessSettings, akkaClusterDefaults), cancellationToken).ConfigureAwait(false);
        var fleet = Fleet.Get(parent.System);
        var started = Stopwatch.GetTimestamp();
        await fleet.StartAsync(cancellationToken).WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
        var ready = Stopwatch.GetTimestamp();

        // Every replica's callee, as this node lists it: each is asked once, directly.
        var callees = Receptionist.Get(parent.System).Find(FleetBenchConfig.PlainKey).Callees;
        var pids = await Task.WhenAll(callees.Select(callee => callee.Ask<int>(0, FleetBenchConfig.CallTimeout, cancellationToken))).ConfigureAwait(false);
        var answered = Stopwatch.GetTimestamp();

        var expected = fleet.Status.Replicas.Select(r => r.ProcessId ?? 0).Order().ToArray();
        if (!pids.Order().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"the replicas' processes are {string.Join(", ", expected)}, but the callees listed answered from {string.Join(", ", pids)}");
        }

        return (Stopwatch.GetElapsedTime(started, ready).TotalMilliseconds, Stopwatch.GetElapsedTime(started, answered).TotalMilliseconds, [.. pids.Order()]);
    }
}
