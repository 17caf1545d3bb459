using System.Diagnostics;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Hosting;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// <c>failover</c>'s Akka.NET baseline: the same kill with what Akka gives alone. Two node
/// processes (<c>bench-node --pubsub</c>, started by this process, not by a fleet: nobody
/// downs a member when its process exits) each put an echo of their process id in Akka's
/// DistributedPubSub, Akka's way to reach a named actor without knowing its node; this node calls
/// it at the same pace with an Ask through the mediator (<c>Send</c>, Akka's default random
/// routing). One is killed with SIGKILL; Akka's failure detector marks it unreachable, its
/// split-brain resolver downs it once that has been stable for <c>stable-after</c>, and the
/// mediator stops routing to it when it is removed. A call sent to the dead node fails at its
/// timeout. The round ends when the member is removed, or at <c>bound</c>.
/// </summary>
internal static class AkkaKill
{
    private const int Warm = 20;

    /// <summary>The round's figures, when (ms after the kill) Akka marked the member unreachable and removed it, and the node processes.</summary>
    public sealed record Result(KillRound Round, double? UnreachableMs, double? RemovedMs, string Nodes);

    public static async Task<Result> RunAsync(TimeSpan pace, TimeSpan bound, TimeSpan patience, CancellationToken cancellationToken)
    {
        var parent = await ActorIpcNode.StartAsync(RemoteBenchConfig.Options(seed: null), cancellationToken).ConfigureAwait(false);
        var nodes = new List<NodeProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                nodes.Add(await NodeProcess.StartActorsAsync(parent.Address.ToString(), cancellationToken, pubSub: true).ConfigureAwait(false));
            }

            var (round, unreachable, removed) = await KillAsync(parent, nodes, pace, bound, patience, cancellationToken).ConfigureAwait(false);
            return new Result(round, unreachable, removed, string.Join("; ", nodes.Select(n => n.Description)));
        }
        finally
        {
            // Whatever Akka has decided by now, the dead member is downed, so that the others leave
            // without waiting for it.
            if (nodes.Count == 2)
            {
                parent.Cluster.Down(Address.Parse(nodes[1].Address));
            }

            foreach (var node in nodes)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }

            await parent.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(KillRound Round, double? UnreachableMs, double? RemovedMs)> KillAsync(ActorIpcNode parent, List<NodeProcess> nodes, TimeSpan pace, TimeSpan bound, TimeSpan patience, CancellationToken cancellationToken)
    {
        var mediator = DistributedPubSub.Get(parent.System).Mediator;
        var (survivor, victim) = (nodes[0], nodes[1]);
        var unreachable = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = parent.System.ActorOf(Props.Create(typeof(MemberWatch), Address.Parse(victim.Address), unreachable, removed));
        var load = new PacedLoad(() => mediator.Ask<int>(new Send(BenchNode.PubSubEchoPath, 0), FleetBenchConfig.CallTimeout, cancellationToken), pace);
        load.Start();
        long killed;
        CallRecord[] calls;
        try
        {
            // The registrations reach this node's mediator by gossip: the calls reach both once they have.
            await Task.WhenAll(load.AnsweredAsync(survivor.Id, Warm), load.AnsweredAsync(victim.Id, Warm)).WaitAsync(patience, cancellationToken).ConfigureAwait(false);
            killed = Stopwatch.GetTimestamp();
            victim.Kill();
            try
            {
                await removed.Task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Still a member at the bound: the round says so.
            }
        }
        finally
        {
            watch.Tell(PoisonPill.Instance);
            calls = await load.StopAsync().ConfigureAwait(false);
        }

        double? Since(TaskCompletionSource<long> moment) => moment.Task.IsCompletedSuccessfully ? Stopwatch.GetElapsedTime(killed, moment.Task.Result).TotalMilliseconds : null;

        // A call the dead node received is one that failed: routing went on at least until the last of them was sent.
        var failed = calls.Where(c => c.Failed).ToArray();
        var rerouted = removed.Task.IsCompletedSuccessfully
            ? (failed.Length == 0 ? 0 : Stopwatch.GetElapsedTime(killed, failed.Max(c => c.Started)).TotalMilliseconds)
            : (double?)null;
        return (new KillRound(victim.Id, null, rerouted, null, KillRound.Count(calls), null, KillRound.FirstErrorOf(calls)), Since(unreachable), Since(removed));
    }
}
