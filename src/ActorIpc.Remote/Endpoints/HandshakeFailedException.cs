namespace ActorIpc.Remote.Endpoints;

/// <summary>A connection's handshake failed (wrong secret, protocol version, malformed bytes); the message says why.</summary>
internal sealed class HandshakeFailedException(string reason) : ActorIpcException(reason)
{
}
