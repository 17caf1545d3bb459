using System.Buffers;
using System.Security.Cryptography;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// The dialling side of the handshake, with no I/O: <see cref="Start"/> writes Hello, then
/// <see cref="Advance"/> consumes the server's bytes and writes the answers, until the server
/// proved the secret and welcomed us, or something failed.
/// </summary>
/// <remarks>
/// Client → Hello; server → Challenge (its identity and proof); client → Proof; server → Welcome.
/// A failure sets <see cref="Handshake.FailureReason"/> for the log and, unless the server rejected us,
/// writes a Reject for the caller to send before closing. Peer input never throws.
/// </remarks>
internal sealed class ClientHandshake : Handshake
{
    private readonly HandshakeOptions _options;
    private readonly string? _expectedSystemName;
    private readonly byte[] _clientNonce;
    private Step _step;
    private NodeIdentity? _server;

    /// <summary>Creates the handshake for one outbound connection.</summary>
    /// <param name="options">This node's identity and secret.</param>
    /// <param name="expectedSystemName">The actor system the caller dialled, when it knows; a peer with another name is refused.</param>
    public ClientHandshake(HandshakeOptions options, string? expectedSystemName = null)
        : this(options, expectedSystemName, RandomNumberGenerator.GetBytes(WireProtocol.NonceSize))
    {
    }

    /// <summary>Creates the handshake with a fixed nonce, so tests can replay a transcript.</summary>
    internal ClientHandshake(HandshakeOptions options, string? expectedSystemName, byte[] clientNonce)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNotEqual(clientNonce.Length, WireProtocol.NonceSize);
        _options = options;
        _expectedSystemName = expectedSystemName;
        _clientNonce = clientNonce;
    }

    private enum Step
    {
        NotStarted,
        AwaitingChallenge,
        AwaitingWelcome,
    }

    /// <inheritdoc />
    protected override string PeerRole => "server";

    /// <summary>Writes the Hello frame that opens the handshake.</summary>
    public void Start(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_step != Step.NotStarted)
        {
            throw new InvalidOperationException("the client handshake has already started");
        }

        var local = _options.Local;
        FrameWriter.WriteHello(output, _options.ProtocolVersion, local.SystemName, local.Address, local.Incarnation, _clientNonce);
        _step = Step.AwaitingChallenge;
    }

    /// <summary>
    /// Consumes the server's frames from <paramref name="input"/> and writes any answer to
    /// <paramref name="output"/>. Stops at the end of the handshake, leaving later bytes in <paramref name="input"/>.
    /// </summary>
    /// <returns>The new <see cref="Status"/>; <see cref="HandshakeStatus.InProgress"/> means more bytes are needed.</returns>
    public HandshakeStatus Advance(ref ReadOnlySequence<byte> input, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_step == Step.NotStarted || IsOver)
        {
            throw new InvalidOperationException(_step == Step.NotStarted
                ? "start the client handshake before feeding it the server's bytes"
                : $"the client handshake is over ({Status})");
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
            case (Step.AwaitingChallenge, FrameType.Challenge):
                OnChallenge(frame.ReadChallenge(), output);
                break;
            case (Step.AwaitingWelcome, FrameType.Welcome):
                frame.ReadWelcome();
                Succeed(_server!);
                break;
            default:
                Unexpected(frame, _step == Step.AwaitingChallenge ? FrameType.Challenge : FrameType.Welcome, output);
                break;
        }
    }

    private void OnChallenge(ChallengeFrame challenge, IBufferWriter<byte> output)
    {
        var server = new NodeIdentity(challenge.SystemName, challenge.Address, challenge.Incarnation);
        var local = _options.Local;
        Span<byte> proof = stackalloc byte[WireProtocol.ProofSize];
        HandshakeProof.ComputeServerProof(_options.Secret, _options.ProtocolVersion, _clientNonce, challenge.ServerNonce, local, server, proof);
        if (!HandshakeProof.Matches(proof, challenge.ServerProof))
        {
            Fail("the peer's proof does not match: wrong shared secret", "the server's proof does not match the client's shared secret", output);
            return;
        }

        if (_expectedSystemName is not null && !string.Equals(_expectedSystemName, server.SystemName, StringComparison.Ordinal))
        {
            Fail(
                $"dialled actor system '{_expectedSystemName}' but the peer at {server.Address} is '{server.SystemName}'",
                $"the client dialled actor system '{_expectedSystemName}', not '{server.SystemName}'",
                output);
            return;
        }

        HandshakeProof.ComputeClientProof(_options.Secret, _options.ProtocolVersion, _clientNonce, challenge.ServerNonce, local, server, proof);
        FrameWriter.WriteProof(output, proof);
        _server = server;
        _step = Step.AwaitingWelcome;
    }
}
