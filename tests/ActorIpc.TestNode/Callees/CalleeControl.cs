using ActorIpc.TestNode.Messages.Calls;
using Akka.Actor;

namespace ActorIpc.TestNode.Callees;

/// <summary>
/// The test node's <c>/user/callees</c>: starts, registers, deregisters and stops keyed callees
/// (its children) as a test in another process asks, and tells it when this node's receptionist
/// lists a key's callees. Every key is a <c>ServiceKey&lt;IKeyedCall&gt;</c> named in the message.
/// </summary>
public sealed class CalleeControl : ReceiveActor
{
    /// <summary>The control's actor name under <c>/user</c>.</summary>
    public const string Name = "callees";

    // Who asked for a stop, answered once the callee's Terminated arrives.
    private readonly Dictionary<IActorRef, IActorRef> _stopping = [];

    public CalleeControl()
    {
        var receptionist = Receptionist.Get(Context.System);
        Receive<StartCallee>(start =>
        {
            var callee = Context.ActorOf(Props.Create<KeyedCallee>(start.Mode, start.Observer), start.Name);
            receptionist.Register(new ServiceKey<IKeyedCall>(start.Key), callee);
            Sender.Tell(new CalleeStarted(callee, Environment.ProcessId));
        });
        Receive<DeregisterKeyedCallee>(deregister =>
        {
            receptionist.Deregister(new ServiceKey<IKeyedCall>(deregister.Key), Context.Child(deregister.Name));
            Sender.Tell(new CalleeDone(deregister.Name));
        });
        Receive<StopCallee>(stop =>
        {
            var callee = Context.Child(stop.Name);
            Context.Watch(callee);
            _stopping[callee] = Sender;
            Context.Stop(callee);
        });
        Receive<Terminated>(terminated =>
        {
            if (_stopping.Remove(terminated.ActorRef, out var requester))
            {
                requester.Tell(new CalleeDone(terminated.ActorRef.Path.Name));
            }
        });
        Receive<AwaitCallees>(wanted => Context.ActorOf(Props.Create<ListingWaiter>(wanted, Sender)));
        Receive<WhichProcess>(_ => Sender.Tell(Environment.ProcessId));
    }
}
