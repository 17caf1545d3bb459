using System.Buffers;
using ActorIpc.Remote.References;
using ActorIpc.Remote.Serialization;
using ActorIpc.Remote.Transport;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// A connection a peer dialled: after the handshake it delivers the peer's messages to local
/// actors, applies its numbered system messages once each (acknowledging them), and answers
/// heartbeats. Bad input closes this connection only; a message of a type that is not allowed is
/// refused and logged, and the connection stays up.
/// </summary>
internal sealed class InboundConnection(RemoteNode node, ITransportConnection connection)
{
    // Room for the string fields of a message that straddle two buffer segments: one array per
    // connection, reused, rather than a stack buffer zeroed for every message.
    private const int ScratchBytes = 512;

    private readonly PathCache _paths = new(node.ResolvePath, resolveTemporary: node.ResolveTemporary, resolvePromise: node.ResolvePromise);

    // Each local actor that gets messages from one receive buffer is scheduled once, at its end.
    private readonly DeliveryBatch _batch = new();

    private readonly byte[] _scratch = new byte[ScratchBytes];

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    private async Task RunAsync()
    {
        try
        {
            var peer = await HandshakeAsync().ConfigureAwait(false);
            if (peer is not null)
            {
                await ServeAsync(peer).ConfigureAwait(false);
            }
        }
        catch (ProtocolException e)
        {
            node.Log.LogWarning("Closing the connection from {Remote}: {Reason}", connection.RemoteDescription, e.Message);
            connection.Abort(e);
        }
        catch (Exception e) when (e is OperationCanceledException or TransportException)
        {
            node.Log.LogDebug("The connection from {Remote} ended: {Reason}", connection.RemoteDescription, e.Message);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Wire.NodeIdentity?> HandshakeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(node.Stopping);
        timeout.CancelAfter(node.Settings.HandshakeTimeout);
        var handshake = new ServerHandshake(node.HandshakeOptions);
        try
        {
            await HandshakeRunner.RunAsync(connection, new ArrayBufferWriter<byte>(256), handshake.Advance, () => handshake.FailureReason, timeout.Token).ConfigureAwait(false);
            return handshake.Peer;
        }
        catch (Exception e) when (e is HandshakeFailedException || (e is OperationCanceledException && !node.IsStopping))
        {
            var reason = e is OperationCanceledException ? $"no handshake within {node.Settings.HandshakeTimeout}" : e.Message;
            // A Unix socket peer has no address of its own: name the system its Hello claimed.
            var from = handshake.Claimed is { } claimed ? $"{claimed.Address} (as claimed in its Hello, via {connection.RemoteDescription})" : connection.RemoteDescription;
            node.Log.LogWarning("Refused a connection from {Remote}: {Reason}", from, reason);
            return null;
        }
    }

    private async Task ServeAsync(Wire.NodeIdentity peer)
    {
        var peerAddress = ActorPath.Parse(peer.Address + "/").Address;
        var association = node.AssociationFor(peerAddress);

        // The peer just dialled in and proved itself: it is up, whatever a failed dial said.
        association.PeerReachable();
        var context = new SerializationContext(node.Codec, peerAddress);
        var replies = new ArrayBufferWriter<byte>(256);
        node.Log.LogDebug("Accepted {Peer} ({Remote})", peer.Address, connection.RemoteDescription);
        while (true)
        {
            var read = await connection.Input.ReadAsync(node.Stopping).ConfigureAwait(false);
            var buffer = read.Buffer;
            ulong? ack = null;
            if (!HandleFrames(ref buffer, peer, association, context, replies, ref ack))
            {
                return;
            }

            connection.Input.AdvanceTo(buffer.Start, read.Buffer.End);
            if (ack is { } upTo)
            {
                FrameWriter.WriteAck(replies, upTo);
            }

            if (replies.WrittenCount > 0)
            {
                await connection.Output.WriteAsync(replies.WrittenMemory, node.Stopping).ConfigureAwait(false);
                replies.ResetWrittenCount();
            }

            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Handles every whole frame in <paramref name="buffer"/> (one delivery burst: each local actor
    /// that gets messages is scheduled once, when the buffer is done); false when the peer closed.
    /// </summary>
    private bool HandleFrames(ref ReadOnlySequence<byte> buffer, Wire.NodeIdentity peer, Association association, SerializationContext context, ArrayBufferWriter<byte> replies, ref ulong? ack)
    {
        var frames = new FrameCursor(buffer, node.Settings.MaxFrameSize);
        try
        {
            while (frames.TryNext(out var frame))
            {
                if (!HandleFrame(frame, peer, association, context, replies, ref ack))
                {
                    return false;
                }
            }

            buffer = frames.Remaining;
            return true;
        }
        finally
        {
            // Also after a bad frame: what was delivered before it is not left unscheduled.
            _batch.Flush();
        }
    }

    // One frame after the handshake; false when the peer closed.
    private bool HandleFrame(in Frame frame, Wire.NodeIdentity peer, Association association, SerializationContext context, ArrayBufferWriter<byte> replies, ref ulong? ack)
    {
        switch (frame.Type)
        {
            case FrameType.Message:
                Deliver(frame, context);
                return true;
            case FrameType.SystemMessage:
                ack = HandleSystemMessage(frame, peer, association);
                return true;
            case FrameType.Heartbeat:
                var beat = frame.ReadHeartbeat();
                FrameWriter.WriteHeartbeatReply(replies, beat.SequenceNumber, beat.Timestamp);
                return true;
            case FrameType.Close:
                node.Log.LogDebug("{Peer} closed its connection: {Reason}", peer.Address, frame.ReadClose());
                return false;
            default:
                throw new ProtocolException($"unexpected {frame.Type} frame from {peer.Address} after the handshake");
        }
    }

    // The frame's strings are looked up by their bytes: paths in this connection's cache, the
    // manifest in the serialization registry's; only text not seen lately is decoded.
    private void Deliver(in Frame frame, SerializationContext context)
    {
        var envelope = frame.ReadRawMessage(_scratch);
        var recipient = _paths.Resolve(envelope.Recipient);
        var sender = envelope.Sender.IsEmpty ? null : _paths.Resolve(envelope.Sender);

        // A manifest that is not UTF-8 is bad input (the connection closes), not a refused type.
        envelope.Manifest.EnsureValid();

        object message;
        try
        {
            message = node.Serialization.Deserialize(envelope.SerializerId, envelope.Manifest.Bytes, envelope.Payload, context);
        }
        catch (SerializationException e)
        {
            // Only this message is lost: the connection and everything after it go on.
            var recipientPath = envelope.Recipient.Decode();
            node.Log.LogWarning("Dropped a message for {Recipient} from {Sender}: {Reason}", recipientPath, context.RemoteAddress, e.Message);

            // An Ask waiting on it is told at once, rather than left to its timeout.
            if (sender is not null && PathCache.IsTemporary(envelope.Sender))
            {
                sender.Tell(new Status.Failure(new SerializationException($"{recipientPath} refused the message: {e.Message}", e.Manifest, e.SerializerId, node.Address)), null);
            }

            return;
        }

        _batch.Deliver(recipient, message, sender);
    }

    /// <summary>Applies a numbered system message once; returns the sequence number to acknowledge.</summary>
    private ulong HandleSystemMessage(Frame frame, Wire.NodeIdentity peer, Association association)
    {
        var envelope = frame.ReadSystemMessage(out var sequence);
        var delivered = node.DeliveredUpTo(peer.Address, peer.Incarnation);
        if (sequence != delivered + 1)
        {
            // A resend of one already applied (acknowledge again), or one after a gap (the sender
            // resends everything unacknowledged in order, so the gap fills first).
            return delivered;
        }

        if (!RemoteSystemMessage.TryParseKind(envelope.Manifest, out var kind))
        {
            throw new ProtocolException($"unknown system message '{envelope.Manifest}' from {peer.Address}");
        }

        var recipient = node.ResolvePath(envelope.Recipient);
        var about = node.ResolvePath(envelope.Sender ?? string.Empty);
        switch (kind)
        {
            case RemoteSystemMessageKind.Watch when about is RemoteActorRef watcher:
                association.RegisterInboundWatch(recipient, watcher);
                break;
            case RemoteSystemMessageKind.Unwatch when about is RemoteActorRef watcher:
                association.RemoveInboundWatch(recipient, watcher);
                break;
            case RemoteSystemMessageKind.Terminated when about is RemoteActorRef dead:
                var confirmed = envelope.Payload.Length > 0 && envelope.Payload.FirstSpan[0] == 1;
                association.DeliverDeathNotification(recipient, dead, confirmed);
                break;
            default:
                throw new ProtocolException($"system message '{envelope.Manifest}' from {peer.Address} names {envelope.Sender}, which is not an actor of the sender");
        }

        node.SetDelivered(peer.Address, peer.Incarnation, sequence);
        return sequence;
    }
}
