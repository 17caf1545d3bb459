using System.Buffers;
using System.Security.Cryptography;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// The accepting side of the handshake, with no I/O: <see cref="Advance"/> consumes the
/// client's bytes and writes the answers, until the client proved the secret, or something failed.
/// </summary>
/// <remarks>
/// Client → Hello; server → Challenge (its identity and proof); client → Proof; server → Welcome.
/// A failure sets <see cref="Handshake.FailureReason"/> for the log and, unless the client rejected us,
/// writes a Reject for the caller to send before closing. Peer input never throws.
/// </remarks>
internal sealed class ServerHandshake : Handshake
{
    private readonly HandshakeOptions _options;
    private readonly byte[] _serverNonce;
    private Step _step;
    private NodeIdentity? _client;
    private byte[] _clientNonce = [];

    /// <summary>Creates the handshake for one inbound connection.</summary>
    /// <param name="options">This node's identity and secret.</param>
    public ServerHandshake(HandshakeOptions options)
        : this(options, RandomNumberGenerator.GetBytes(WireProtocol.NonceSize))
    {
    }

    /// <summary>Creates the handshake with a fixed nonce, so tests can replay a transcript.</summary>
    internal ServerHandshake(HandshakeOptions options, byte[] serverNonce)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNotEqual(serverNonce.Length, WireProtocol.NonceSize);
        _options = options;
        _serverNonce = serverNonce;
    }

    private enum Step
    {
        AwaitingHello,
        AwaitingProof,
    }

    /// <summary>
    /// The identity the client claimed in its Hello, proven or not (null before a valid Hello):
    /// what a log line about a refused connection names.
    /// </summary>
    public NodeIdentity? Claimed => _client;

    /// <inheritdoc />
    protected override string PeerRole => "client";

    /// <summary>
    /// Consumes the client's frames from <paramref name="input"/> and writes any answer to
    /// <paramref name="output"/>. Stops at the end of the handshake, leaving later bytes in <paramref name="input"/>.
    /// </summary>
    /// <returns>The new <see cref="Status"/>; <see cref="HandshakeStatus.InProgress"/> means more bytes are needed.</returns>
    public HandshakeStatus Advance(ref ReadOnlySequence<byte> input, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (IsOver)
        {
            throw new InvalidOperationException($"the server handshake is over ({Status})");
        }

        return Feed(ref input, output, _options.MaxFrameSize);
    }

    /// <inheritdoc />
    protected override void Handle(Frame frame, IBufferWriter<byte> output)
    {
        switch (_step, frame.Type)
        {
            case (_, FrameType.Reject):
                Rejected(frame, output);
                break;
            case (Step.AwaitingHello, FrameType.Hello):
                OnHello(frame, output);
                break;
            case (Step.AwaitingProof, FrameType.Proof):
                OnProof(frame.ReadProof(), output);
                break;
            default:
                Unexpected(frame, _step == Step.AwaitingHello ? FrameType.Hello : FrameType.Proof, output);
                break;
        }
    }

    private void OnHello(Frame frame, IBufferWriter<byte> output)
    {
        // The version comes first: a peer of another version may lay out the rest differently.
        var version = frame.ReadHelloVersion();
        if (version != _options.ProtocolVersion)
        {
            Fail(
                $"the peer speaks protocol {version}, this node {_options.ProtocolVersion}",
                $"protocol version mismatch: the server speaks protocol {_options.ProtocolVersion}, the client {version}",
                output);
            return;
        }

        var hello = frame.ReadHello();
        var client = new NodeIdentity(hello.SystemName, hello.Address, hello.Incarnation);
        var local = _options.Local;
        Span<byte> proof = stackalloc byte[WireProtocol.ProofSize];
        HandshakeProof.ComputeServerProof(_options.Secret, _options.ProtocolVersion, hello.ClientNonce, _serverNonce, client, local, proof);
        FrameWriter.WriteChallenge(output, _serverNonce, local.SystemName, local.Address, local.Incarnation, proof);
        _client = client;
        _clientNonce = hello.ClientNonce;
        _step = Step.AwaitingProof;
    }

    private void OnProof(byte[] received, IBufferWriter<byte> output)
    {
        Span<byte> expected = stackalloc byte[WireProtocol.ProofSize];
        HandshakeProof.ComputeClientProof(_options.Secret, _options.ProtocolVersion, _clientNonce, _serverNonce, _client!, _options.Local, expected);
        if (!HandshakeProof.Matches(expected, received))
        {
            Fail("the peer's proof does not match: wrong shared secret", "the client's proof does not match the server's shared secret", output);
            return;
        }

        FrameWriter.WriteWelcome(output);
        Succeed(_client!);
    }
}
