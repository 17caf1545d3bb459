using Akka.Actor;

namespace ActorIpc;

/// <summary>Remove a local callee from a key.</summary>
internal sealed record DeregisterCallee(ServiceKey Key, IActorRef Callee);
