using System.Globalization;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Hosting;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// <c>actoripc bench failover</c>: a fleet of two replicas (copies of this command running
/// <c>bench-worker</c>) called every 5 ms by a plain key and by an idempotent one, one replica
/// killed with SIGKILL per round (<see cref="FleetKill"/>), five rounds: the calls that failed, the
/// time until no call goes to the dead replica and until its replacement serves, each min / median
/// / max and against its target. Then Akka.NET's baseline, one round (<see cref="AkkaKill"/>):
/// the same kill with nobody downing the member, bounded at 30 s. Ends with
/// <c>failover-failed: N calls</c>, <c>failover-restart: N ms</c> and the headline
/// <c>failover: N ms</c> (kill to re-routed), each the median of the rounds.
/// </summary>
internal sealed class FailoverBenchmark : IBenchmark
{
    private const int Rounds = 5;

    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(5);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>How long the baseline waits for Akka to remove the dead member (a quick pass: 3 s).</summary>
    private static readonly TimeSpan BaselineBound = TimeSpan.FromSeconds(30);

    // Each round kills one replica and waits until its replacement serves: the restart window is one
    // round, so that every restart waits the first backoff (min-backoff, 100 ms) rather than doubling.
    private const string ProcessSettings = "restart.within = 1s";

    public string Name => "failover";

    public string Description => "SIGKILL of one of two replicas under calls every 5 ms by a plain and an idempotent key: failed calls, ms until re-routed and until restarted; Akka's own failure detection as the baseline.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var rounds = context.Quick ? 1 : Rounds;
        output.WriteLine($"ActorIpc: a fleet of 2 replicas of 'actoripc {Commands.BenchWorkerCommand.Name}' ({ProcessSettings}, restart.min-backoff 100 ms); "
            + $"calls every {Pace.TotalMilliseconds:0} ms by '{FleetBenchConfig.PlainKey.Name}' and by '{FleetBenchConfig.IdempotentKey.Name}' (idempotent = on), each with a {FleetBenchConfig.CallTimeout.TotalSeconds:0} s timeout; "
            + $"one replica killed with SIGKILL per round, {rounds} round{(rounds == 1 ? "" : "s")}");
        output.WriteLine($"  {FleetBenchConfig.DescribeTimings(akkaClusterDefaults: false)}; Akka's failure detector untouched");
        output.WriteLine($"  {ReadyToRun.Describe()}");
        var results = new List<KillRound>();
        await using (var parent = await ActorIpcNode.StartAsync(FleetBenchConfig.Parent(2, ProcessSettings, akkaClusterDefaults: false), cancellationToken).ConfigureAwait(false))
        {
            var fleet = Fleet.Get(parent.System);
            await fleet.StartAsync(cancellationToken).WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"  replicas: {string.Join(", ", fleet.Status.Replicas.Select(r => $"{r.Label} pid {r.ProcessId}"))}; this process at {parent.Address}");
            for (var round = 0; round < rounds; round++)
            {
                var result = await FleetKill.RunAsync(parent, round % 2, Pace, Patience, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                output.WriteLine(Describe(round + 1, round % 2, result, Patience));
            }
        }

        var bound = context.Quick ? TimeSpan.FromSeconds(3) : BaselineBound;
        output.WriteLine($"Akka.NET baseline, 1 round: the same kill with nobody downing the member: 2 node processes ('actoripc bench-node --pubsub', not a fleet) each put an echo of their pid in DistributedPubSub; "
            + $"calls every {Pace.TotalMilliseconds:0} ms by Ask through the mediator (Send, random routing), {FleetBenchConfig.CallTimeout.TotalSeconds:0} s timeout; "
            + $"Akka's failure detector and split-brain resolver decide (defaults); the round ends when the member is removed, or at {bound.TotalSeconds:0} s");
        var baseline = await AkkaKill.RunAsync(Pace, bound, Patience, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  {baseline.Nodes}");
        output.WriteLine(Describe(1, 1, baseline.Round, bound)
            + $"; unreachable after {Milliseconds(baseline.UnreachableMs, bound)}, removed after {Milliseconds(baseline.RemovedMs, bound)}");

        var rerouted = new Timings(results.Select(r => r.ReroutedMs!.Value));
        var failed = new Timings(results.Select(r => (double)r.Plain.Failed));
        var restart = new Timings(results.Select(r => r.RestartMs!.Value));
        output.WriteLine($"ActorIpc, {rounds} round{(rounds == 1 ? "" : "s")} (min / median / max):");
        context.Spread("kill -> no call goes to the dead replica", rerouted, "ms", "<= 100 ms");
        context.Spread("failed calls, plain key", failed, "calls", "<= 1");
        context.Spread("failed calls, idempotent key", new Timings(results.Select(r => (double)r.Idempotent!.Value.Failed)), "calls", "0");
        context.Spread("kill -> the restarted replica serves", restart, "ms", "<= 1000 ms");
        output.WriteLine("Akka.NET baseline (1 round):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"kill -> no call goes to the dead replica",-58} {Milliseconds(baseline.Round.ReroutedMs, bound),12}"));
        context.Figure("failed calls", baseline.Round.Plain.Failed, "calls");
        output.WriteLine($"  {"kill -> a restarted replica serves",-58} {"none",12}    (Akka does not start processes)");

        context.Headline("failover-failed", failed.Median, "calls");
        context.Headline("failover-restart", restart.Median, "ms");
        context.Headline(Name, rerouted.Median, "ms");
        return CliApp.Ok;
    }

    private static string Describe(int number, int victim, KillRound round, TimeSpan bound)
    {
        var plain = $"{round.Plain.Failed} of {round.Plain.Made} plain calls failed";
        var idempotent = round.Idempotent is { } calls ? $", {calls.Failed} of {calls.Made} idempotent" : "";
        var restart = round.ReplacementPid is { } pid ? string.Create(CultureInfo.InvariantCulture, $"; replacement pid {pid} served after {round.RestartMs:0} ms") : "";
        var supervisor = round.Supervisor is { } s
            ? string.Create(CultureInfo.InvariantCulture, $" (the fleet saw the exit after {s.ExitSeenMs:0} ms, started a new process after {s.StartedMs:0} ms, ready after {s.ReadyMs:0} ms)")
            : "";
        var error = round.FirstError is { } e ? $"; first failure: {e.GetType().Name}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"  round {number}: killed replica {victim} (pid {round.VictimPid}): re-routed after {Milliseconds(round.ReroutedMs, bound)}; {plain}{idempotent}{restart}{supervisor}{error}");
    }

    /// <summary>Milliseconds, or "> BOUND ms" for a moment that had not come when the round ended.</summary>
    private static string Milliseconds(double? value, TimeSpan bound) => value is { } ms
        ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"> {bound.TotalMilliseconds:0} ms");
}
