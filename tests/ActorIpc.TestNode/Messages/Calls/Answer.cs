namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>A keyed callee's reply: who answered, in which process, to what.</summary>
public sealed record Answer(string Callee, int ProcessId, string Text);
