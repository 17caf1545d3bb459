namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>A call to a keyed callee: one that answers replies with an <see cref="Answer"/>, one that holds tells its observer and never replies.</summary>
public sealed record Call(string Text) : IKeyedCall;
