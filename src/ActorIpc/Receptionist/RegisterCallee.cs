using Akka.Actor;

namespace ActorIpc;

/// <summary>Register a local callee under a key.</summary>
internal sealed record RegisterCallee(ServiceKey Key, IActorRef Callee);
