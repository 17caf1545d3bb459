namespace ActorIpc.Remote.Wire;

/// <summary>Where a handshake stands.</summary>
internal enum HandshakeStatus
{
    /// <summary>Waiting for more bytes from the peer.</summary>
    InProgress,

    /// <summary>Both sides proved the secret; the peer's identity is known and the connection may carry messages.</summary>
    Succeeded,

    /// <summary>The handshake failed; the reason is set and the connection must be closed.</summary>
    Failed,
}
