using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// Watches one member of this node's cluster as Akka sees it, with no one downing it: completes
/// <c>unreachable</c> when the failure detector marks it unreachable and <c>removed</c> when it is
/// removed (once the split-brain resolver has downed it), each with the
/// <see cref="Stopwatch"/> timestamp at which this node learned it.
/// </summary>
internal sealed class MemberWatch : ReceiveActor
{
    public MemberWatch(Address member, TaskCompletionSource<long> unreachable, TaskCompletionSource<long> removed)
    {
        Receive<ClusterEvent.UnreachableMember>(e =>
        {
            if (e.Member.Address.Equals(member))
            {
                unreachable.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        Receive<ClusterEvent.MemberRemoved>(e =>
        {
            if (e.Member.Address.Equals(member))
            {
                removed.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        ReceiveAny(_ => { });
    }

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
}
