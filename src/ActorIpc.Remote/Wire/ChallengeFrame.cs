namespace ActorIpc.Remote.Wire;

/// <summary>The body of a Challenge frame.</summary>
/// <param name="ServerNonce">The server's 32 random bytes for this handshake.</param>
/// <param name="SystemName">The server's actor system name.</param>
/// <param name="Address">The server's own address, as text.</param>
/// <param name="Incarnation">The server's per-start incarnation id.</param>
/// <param name="ServerProof">The server's HMAC over the handshake transcript.</param>
internal readonly record struct ChallengeFrame(byte[] ServerNonce, string SystemName, string Address, ulong Incarnation, byte[] ServerProof);
