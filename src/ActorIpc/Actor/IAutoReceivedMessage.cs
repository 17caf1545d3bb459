namespace ActorIpc;

/// <summary>Messages the cell handles itself before the actor's behavior sees them (one type check per message).</summary>
internal interface IAutoReceivedMessage
{
}
