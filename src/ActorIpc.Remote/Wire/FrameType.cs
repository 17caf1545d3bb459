namespace ActorIpc.Remote.Wire;

/// <summary>The type byte that follows every frame's length prefix.</summary>
/// <remarks>
/// Handshake frames sit below 0x10 and connection frames from 0x10 up, so a dump reads at a
/// glance. Values are part of the wire contract and are never reused.
/// </remarks>
internal enum FrameType : byte
{
    /// <summary>Client → server, first frame: version, identity and the client nonce.</summary>
    Hello = 0x01,

    /// <summary>Server → client: server nonce, server identity and the server's proof.</summary>
    Challenge = 0x02,

    /// <summary>Client → server: the client's proof.</summary>
    Proof = 0x03,

    /// <summary>Server → client: the handshake succeeded.</summary>
    Welcome = 0x04,

    /// <summary>Either side: the handshake failed, with a reason.</summary>
    Reject = 0x05,

    /// <summary>A user message envelope, delivered at most once.</summary>
    Message = 0x10,

    /// <summary>A sequenced system message envelope, acknowledged and resent until acknowledged.</summary>
    SystemMessage = 0x11,

    /// <summary>Cumulative acknowledgement of system messages.</summary>
    Ack = 0x12,

    /// <summary>A failure-detector heartbeat.</summary>
    Heartbeat = 0x13,

    /// <summary>The answer to a heartbeat, echoing its sequence and timestamp.</summary>
    HeartbeatReply = 0x14,

    /// <summary>Orderly shutdown of the connection, with a reason.</summary>
    Close = 0x15,
}
