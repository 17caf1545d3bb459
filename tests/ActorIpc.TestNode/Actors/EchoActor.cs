using ActorIpc.TestNode.Messages;
using Akka.Actor;

namespace ActorIpc.TestNode.Actors;

/// <summary>Answers a <see cref="Ping"/> through the reference inside it, and every other message with itself.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<Ping>(ping => ping.ReplyTo.Tell(new Pong(ping.Text, Self)));
        ReceiveAny(message => Sender.Tell(message));
    }
}
