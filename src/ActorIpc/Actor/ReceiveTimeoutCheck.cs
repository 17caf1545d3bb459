namespace ActorIpc;

/// <summary>The cell's own reminder to check for a receive timeout; a check of an earlier setting is ignored.</summary>
internal sealed record ReceiveTimeoutCheck(ReceiveTimeoutState State) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
