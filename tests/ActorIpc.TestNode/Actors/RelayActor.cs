using ActorIpc.TestNode.Messages;
using ActorIpc.TestNode.Secret;
using Akka.Actor;

namespace ActorIpc.TestNode.Actors;

/// <summary>Makes the message a <see cref="SendTo"/> names and sends it to the reference inside it.</summary>
public sealed class RelayActor : ReceiveActor
{
    public RelayActor()
    {
        Receive<SendTo>(send => send.Target.Tell(send.Kind switch
        {
            "secret" => new SecretOrder("for this process only"),
            _ => Order.Sample(),
        }));
    }
}
