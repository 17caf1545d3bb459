using ActorIpc.Tests.Broadcast.Messages;
using Akka.Actor;

namespace ActorIpc.Tests.Broadcast;

/// <summary>A subscriber that reports every message it gets, with its name, to one collecting probe.</summary>
public sealed class Forwarder : ReceiveActor
{
    public Forwarder(string name, IActorRef collector)
    {
        ReceiveAny(message => collector.Tell(new Heard(name, message)));
    }

    public static Props Props(string name, IActorRef collector) => Akka.Actor.Props.Create(typeof(Forwarder), name, collector);
}
