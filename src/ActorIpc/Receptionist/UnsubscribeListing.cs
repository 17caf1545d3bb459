using Akka.Actor;

namespace ActorIpc;

/// <summary>Stop sending the subscriber a key's listings.</summary>
internal sealed record UnsubscribeListing(ServiceKey Key, IActorRef Subscriber);
