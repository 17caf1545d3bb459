using Akka.Actor;

namespace ActorIpc.Tests.Broadcast;

/// <summary>An actor that broadcasts what it is told to a topic: its subscribers see it as the sender.</summary>
public sealed class Broadcaster : ReceiveActor
{
    public Broadcaster(string topic)
    {
        ReceiveAny(message => Messenger.Get(Context.System).Broadcast(topic, message));
    }
}
