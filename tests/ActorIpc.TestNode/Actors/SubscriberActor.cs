using ActorIpc.TestNode.Messages;
using Akka.Actor;
using Akka.Cluster;

namespace ActorIpc.TestNode.Actors;

/// <summary>A messenger subscriber that answers every <see cref="Shout"/> it gets with a <see cref="Heard"/> naming itself and its node.</summary>
public sealed class SubscriberActor : ReceiveActor
{
    public SubscriberActor(string name)
    {
        var node = Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<Shout>(shout => shout.ReplyTo.Tell(new Heard(shout.Text, name, node)));
    }

    public static Props Props(string name) => Akka.Actor.Props.Create(typeof(SubscriberActor), name);
}
