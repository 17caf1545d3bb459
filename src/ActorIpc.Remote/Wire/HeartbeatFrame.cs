namespace ActorIpc.Remote.Wire;

/// <summary>The body of a Heartbeat or HeartbeatReply frame.</summary>
/// <param name="SequenceNumber">The heartbeat's sequence number, echoed by the reply.</param>
/// <param name="Timestamp">The heartbeat sender's monotonic timestamp, echoed by the reply so the sender can measure the round trip on its own clock.</param>
internal readonly record struct HeartbeatFrame(ulong SequenceNumber, long Timestamp);
