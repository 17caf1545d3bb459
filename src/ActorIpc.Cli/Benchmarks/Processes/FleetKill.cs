using System.Diagnostics;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// One round of <c>failover</c> with ActorIpc: calls by both keys at a steady pace to a fleet of two
/// replicas, one replica killed with SIGKILL, until its replacement serves. The moment calls stop
/// going to the dead replica is when this node's receptionist stops listing its callee (the fleet
/// saw the process exit, downed its member and dropped its callees), or the last failed call ended
/// if later.
/// </summary>
internal static class FleetKill
{
    /// <summary>Answers from each replica on each key before the kill: the calls reach both.</summary>
    private const int Warm = 20;

    public static async Task<KillRound> RunAsync(ActorIpcNode parent, int victimIndex, TimeSpan pace, TimeSpan patience, CancellationToken cancellationToken)
    {
        var fleet = Fleet.Get(parent.System);
        var invoker = Invoker.Get(parent.System);
        var victimPid = PidOf(fleet.Status, victimIndex);
        var survivorPid = PidOf(fleet.Status, 1 - victimIndex);
        var plain = new PacedLoad(() => invoker.Ask<int>(FleetBenchConfig.PlainKey, 0, FleetBenchConfig.CallTimeout, cancellationToken), pace);
        var idempotent = new PacedLoad(() => invoker.Ask<int>(FleetBenchConfig.IdempotentKey, 0, FleetBenchConfig.CallTimeout, cancellationToken), pace);
        var watcher = parent.System.ActorOf(Props.Create(typeof(ListingWatcher), FleetBenchConfig.PlainKey));
        plain.Start();
        idempotent.Start();
        long killed, unlisted, ready, serving;
        DateTimeOffset killedAt;
        ReplicaStatus back;
        CallRecord[] plainCalls, idempotentCalls;
        try
        {
            await Task.WhenAll(new[] { victimPid, survivorPid }.SelectMany(pid => new[] { plain.AnsweredAsync(pid, Warm), idempotent.AnsweredAsync(pid, Warm) }))
                .WaitAsync(patience, cancellationToken).ConfigureAwait(false);

            // Both replicas are listed now: a listing of one callee is the dead one gone.
            var gone = watcher.Ask<long>(new ListingWatcher.WhenListed(1), patience, cancellationToken);
            killedAt = DateTimeOffset.UtcNow;
            killed = Stopwatch.GetTimestamp();
            using (var victim = Process.GetProcessById(victimPid))
            {
                victim.Kill();
            }

            unlisted = await gone.ConfigureAwait(false);
            var status = await FleetWait.ForAsync(
                fleet,
                s => s.Find(FleetBenchConfig.ProcessName, victimIndex) is { State: ReplicaState.Ready, ProcessId: { } pid } && pid != victimPid,
                patience,
                cancellationToken).ConfigureAwait(false);
            ready = Stopwatch.GetTimestamp();
            back = status.Find(FleetBenchConfig.ProcessName, victimIndex)!;
            var answers = await Task.WhenAll(plain.AnsweredAsync(back.ProcessId!.Value, 1), idempotent.AnsweredAsync(back.ProcessId!.Value, 1)).WaitAsync(patience, cancellationToken).ConfigureAwait(false);
            serving = answers.Min();
        }
        finally
        {
            // Also when the round failed: no call goes on after it.
            watcher.Tell(PoisonPill.Instance);
            plainCalls = await plain.StopAsync().ConfigureAwait(false);
            idempotentCalls = await idempotent.StopAsync().ConfigureAwait(false);
        }

        var rerouted = plainCalls.Concat(idempotentCalls).Where(c => c.Failed).Select(c => c.Ended).Append(unlisted).Max();
        return new KillRound(
            victimPid,
            back.ProcessId,
            Stopwatch.GetElapsedTime(killed, rerouted).TotalMilliseconds,
            Stopwatch.GetElapsedTime(killed, serving).TotalMilliseconds,
            KillRound.Count(plainCalls),
            KillRound.Count(idempotentCalls),
            KillRound.FirstErrorOf(plainCalls.Concat(idempotentCalls)),
            ((back.LastExit!.At - killedAt).TotalMilliseconds, (back.StartedAt!.Value - killedAt).TotalMilliseconds, Stopwatch.GetElapsedTime(killed, ready).TotalMilliseconds));
    }

    private static int PidOf(FleetStatus status, int replica) =>
        status.Find(FleetBenchConfig.ProcessName, replica)?.ProcessId
        ?? throw new InvalidOperationException($"replica {replica} of {FleetBenchConfig.ProcessName} has no process: {status.Find(FleetBenchConfig.ProcessName, replica)?.State}");
}
