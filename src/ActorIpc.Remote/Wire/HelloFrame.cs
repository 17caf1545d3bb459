namespace ActorIpc.Remote.Wire;

/// <summary>The body of a Hello frame.</summary>
/// <param name="ProtocolVersion">The protocol version the client speaks.</param>
/// <param name="SystemName">The client's actor system name.</param>
/// <param name="Address">The client's own address, as text.</param>
/// <param name="Incarnation">The client's per-start incarnation id.</param>
/// <param name="ClientNonce">The client's 32 random bytes for this handshake.</param>
internal readonly record struct HelloFrame(ushort ProtocolVersion, string SystemName, string Address, ulong Incarnation, byte[] ClientNonce);
