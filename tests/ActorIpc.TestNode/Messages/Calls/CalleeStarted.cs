using Akka.Actor;

namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>The answer to <see cref="StartCallee"/>: the callee, registered, and the node's process id.</summary>
public sealed record CalleeStarted(IActorRef Callee, int ProcessId);
