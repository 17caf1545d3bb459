namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>Asks a node's callee control for the node's operating-system process id (answered with an <see cref="int"/>), so that a test can name or kill it.</summary>
public sealed record WhichProcess;
