using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Watches the callees the invoker has called (<c>/system/actoripc-invoker</c>): a callee that
/// stops, or whose node is lost to death watch, fails the calls in flight to it at once.
/// </summary>
internal sealed class CalleeWatcher : ReceiveActor
{
    public CalleeWatcher(Invoker invoker)
    {
        Receive<IActorRef>(callee => Context.Watch(callee));
        Receive<Terminated>(terminated => invoker.CalleeGone(
            terminated.ActorRef,
            terminated.AddressTerminated ? "its process left the cluster or became unreachable" : "the callee stopped"));
    }
}
