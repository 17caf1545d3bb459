using ActorIpc.TestNode.Messages.Calls;
using Akka.Actor;

namespace ActorIpc.TestNode.Callees;

/// <summary>A callee the tests call by key: it answers each <see cref="Call"/>, or holds it unanswered and tells its observer, as its mode says.</summary>
public sealed class KeyedCallee : ReceiveActor
{
    public KeyedCallee(CalleeMode mode, IActorRef observer)
    {
        var name = Self.Path.Name;
        var processId = Environment.ProcessId;
        if (mode == CalleeMode.Answer)
        {
            Receive<Call>(call => Sender.Tell(new Answer(name, processId, call.Text)));
        }
        else
        {
            Receive<Call>(call => observer.Tell(new Holding(name, processId, call.Text)));
        }
    }
}
