using Akka.Actor;

namespace ActorIpc;

/// <summary>Send the subscriber a key's listing now and on every change.</summary>
internal sealed record SubscribeListing(ServiceKey Key, IActorRef Subscriber);
