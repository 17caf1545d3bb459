namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>Asks a node's callee control to stop the callee named <paramref name="Name"/>; answered with <see cref="CalleeDone"/> once it has stopped.</summary>
public sealed record StopCallee(string Name);
