namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>The protocol of the keyed callees: what the tests call them with through the invoker.</summary>
public interface IKeyedCall;
