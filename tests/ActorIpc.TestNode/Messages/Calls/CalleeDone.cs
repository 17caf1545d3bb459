namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>The answer to <see cref="DeregisterKeyedCallee"/> and <see cref="StopCallee"/>: done in the node.</summary>
public sealed record CalleeDone(string Name);
