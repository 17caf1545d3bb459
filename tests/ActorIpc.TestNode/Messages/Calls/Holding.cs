namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>Told to a holding callee's observer for each call it holds: the call is in flight, unanswered.</summary>
public sealed record Holding(string Callee, int ProcessId, string Text);
