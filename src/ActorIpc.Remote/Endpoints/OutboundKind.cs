namespace ActorIpc.Remote.Endpoints;

/// <summary>What an <see cref="OutboundItem"/> asks the writer to send.</summary>
internal enum OutboundKind
{
    User,
    System,
    Heartbeat,
}
