using Akka;
using Akka.Actor;

namespace ActorIpc;

/// <summary>Subscribes or unsubscribes a local actor at this node's messenger; answered with <see cref="Done"/>.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Subscriber">The actor.</param>
/// <param name="Subscribe">Whether to subscribe it (or unsubscribe it).</param>
internal sealed record SubscriptionChange(string Topic, IActorRef Subscriber, bool Subscribe);
