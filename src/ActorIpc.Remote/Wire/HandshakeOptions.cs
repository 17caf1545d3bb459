namespace ActorIpc.Remote.Wire;

/// <summary>What a handshake needs to know about this node.</summary>
internal sealed class HandshakeOptions
{
    private readonly byte[] _secret;
    private readonly int _maxFrameSize = WireProtocol.MaxHandshakeFrameSize;

    /// <summary>Creates the options.</summary>
    /// <param name="local">This node's identity.</param>
    /// <param name="secret">
    /// The shared secret both ends must hold; copied. Empty means none is configured: the proofs
    /// are then computed with an empty key and prove nothing beyond speaking the protocol.
    /// </param>
    public HandshakeOptions(NodeIdentity local, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(local);
        Local = local;
        _secret = secret.ToArray();
    }

    /// <summary>This node's identity.</summary>
    public NodeIdentity Local { get; }

    /// <summary>The shared secret; empty when none is configured.</summary>
    public ReadOnlySpan<byte> Secret => _secret;

    /// <summary>The protocol version this node speaks; other values exist for tests of the mismatch.</summary>
    public ushort ProtocolVersion { get; init; } = WireProtocol.Version;

    /// <summary>The largest handshake frame accepted: 64 bytes to 4 KiB, independent of the connection's maximum frame size.</summary>
    public int MaxFrameSize
    {
        get => _maxFrameSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 64);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, WireProtocol.MaxHandshakeFrameSize);
            _maxFrameSize = value;
        }
    }
}
