using ActorIpc.TestNode.Messages;
using Akka.Actor;

namespace ActorIpc.TestNode.Actors;

/// <summary>Makes <see cref="SubscriberActor"/>s and subscribes them through the node's messenger, as a <see cref="SubscribeTo"/> asks.</summary>
public sealed class SubscriptionsActor : ReceiveActor
{
    public SubscriptionsActor()
    {
        Receive<SubscribeTo>(request =>
        {
            var subscriber = Context.ActorOf(SubscriberActor.Props(request.Name));
            Messenger.Get(Context.System)
                .SubscribeAsync(request.Topic, subscriber)
                .PipeTo(Sender, success: () => new Subscribed(request.Topic, request.Name));
        });
    }
}
