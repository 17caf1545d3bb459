using System.Buffers;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// What both sides of the handshake share: the outcome (<see cref="Status"/>, <see cref="Peer"/>,
/// <see cref="FailureReason"/>), the loop that feeds the peer's frames to a side until the
/// handshake ends, and the failure that writes a Reject. Peer input never throws: a malformed
/// frame fails the handshake with the decoder's reason.
/// </summary>
internal abstract class Handshake
{
    /// <summary>Where the handshake stands.</summary>
    public HandshakeStatus Status { get; private set; }

    /// <summary>The peer's proven identity, once <see cref="Status"/> is <see cref="HandshakeStatus.Succeeded"/>.</summary>
    public NodeIdentity? Peer { get; private set; }

    /// <summary>Why the handshake failed, for the log, once <see cref="Status"/> is <see cref="HandshakeStatus.Failed"/>.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>True once the handshake succeeded or failed.</summary>
    protected bool IsOver => Status != HandshakeStatus.InProgress;

    /// <summary>"client" or "server": the peer, as failure reasons name it.</summary>
    protected abstract string PeerRole { get; }

    /// <summary>Handles one frame of the peer's; it may write an answer to <paramref name="output"/>.</summary>
    protected abstract void Handle(Frame frame, IBufferWriter<byte> output);

    /// <summary>
    /// Feeds the peer's whole frames from <paramref name="input"/> to <see cref="Handle"/> until the
    /// handshake is over or more bytes are needed, leaving later bytes in <paramref name="input"/>.
    /// </summary>
    protected HandshakeStatus Feed(ref ReadOnlySequence<byte> input, IBufferWriter<byte> output, int maxFrameSize)
    {
        try
        {
            while (!IsOver && FrameReader.TryReadFrame(ref input, maxFrameSize, out var frame))
            {
                Handle(frame, output);
            }
        }
        catch (ProtocolException e)
        {
            Fail($"malformed handshake from the {PeerRole}: {e.Message}", e.Message, output);
        }

        return Status;
    }

    /// <summary>The peer rejected the handshake with a Reject frame.</summary>
    protected void Rejected(Frame frame, IBufferWriter<byte> output) =>
        Fail($"the {PeerRole} rejected the handshake: {frame.ReadReject()}", rejectReason: null, output);

    /// <summary>A frame of the wrong type for the step the handshake is at.</summary>
    protected void Unexpected(Frame frame, FrameType expected, IBufferWriter<byte> output)
    {
        var reason = $"unexpected {frame.Type} frame while awaiting {expected}";
        Fail(reason, reason, output);
    }

    /// <summary>Ends the handshake successfully with the proven <paramref name="peer"/>.</summary>
    protected void Succeed(NodeIdentity peer)
    {
        Peer = peer;
        Status = HandshakeStatus.Succeeded;
    }

    /// <summary>Ends the handshake: <paramref name="reason"/> for the log, and a Reject with <paramref name="rejectReason"/> for the peer unless it is null.</summary>
    protected void Fail(string reason, string? rejectReason, IBufferWriter<byte> output)
    {
        FailureReason = reason;
        Status = HandshakeStatus.Failed;
        if (rejectReason is not null)
        {
            FrameWriter.WriteReject(output, rejectReason);
        }
    }
}
