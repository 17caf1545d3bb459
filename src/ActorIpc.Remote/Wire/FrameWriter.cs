using System.Buffers;
using System.Buffers.Binary;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Appends frames to a buffer writer, so a send loop can batch many frames into one buffer
/// and hand it to the socket in one call. Every method computes the frame's exact size first,
/// asks the output for that much once and writes the fields forward: no allocation per frame.
/// </summary>
/// <remarks>The layouts are specified byte by byte in docs/wire-protocol.md.</remarks>
internal static class FrameWriter
{
    /// <summary>Writes a Message frame carrying <paramref name="payload"/>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="maxFrameSize">The largest frame length the peer accepts.</param>
    /// <param name="recipient">The recipient actor's path; not empty.</param>
    /// <param name="sender">The sender actor's path, or <see langword="null"/> or empty for no sender.</param>
    /// <param name="serializerId">The id of the serializer that produced the payload; not negative.</param>
    /// <param name="manifest">The serializer's manifest; may be empty.</param>
    /// <param name="payload">The serialized message.</param>
    /// <returns>The bytes appended, length prefix included.</returns>
    /// <exception cref="FrameTooLargeException">The frame would exceed <paramref name="maxFrameSize"/>; nothing was written.</exception>
    public static int WriteMessage(IBufferWriter<byte> output, int maxFrameSize, WirePath recipient, WirePath sender, int serializerId, string manifest, ReadOnlySpan<byte> payload)
        => WriteEnvelope(output, maxFrameSize, FrameType.Message, 0, recipient, sender, serializerId, manifest, payload);

    /// <summary>
    /// Writes a Message frame whose payload <paramref name="writePayload"/> writes straight into
    /// <paramref name="output"/>; the length fields are patched afterwards.
    /// </summary>
    /// <returns>The bytes appended, length prefix included.</returns>
    /// <exception cref="FrameTooLargeException">The frame would exceed <paramref name="maxFrameSize"/>; the output is rolled back to where the frame began.</exception>
    /// <remarks>If <paramref name="writePayload"/> throws, the output is rolled back too and the exception propagates.</remarks>
    public static int WriteMessage<TState>(FrameBuffer output, int maxFrameSize, WirePath recipient, WirePath sender, int serializerId, string manifest, TState state, FramePayloadWriter<TState> writePayload)
        => WriteEnvelope(output, maxFrameSize, FrameType.Message, 0, recipient, sender, serializerId, manifest, state, writePayload);

    /// <summary>Writes a SystemMessage frame: <paramref name="sequenceNumber"/>, then the same envelope as <see cref="WriteMessage"/>.</summary>
    /// <returns>The bytes appended, length prefix included.</returns>
    /// <exception cref="FrameTooLargeException">The frame would exceed <paramref name="maxFrameSize"/>; nothing was written.</exception>
    public static int WriteSystemMessage(IBufferWriter<byte> output, int maxFrameSize, ulong sequenceNumber, string recipient, string? sender, int serializerId, string manifest, ReadOnlySpan<byte> payload)
        => WriteEnvelope(output, maxFrameSize, FrameType.SystemMessage, sequenceNumber, recipient, sender, serializerId, manifest, payload);

    /// <summary>Writes a SystemMessage frame whose payload <paramref name="writePayload"/> writes straight into the frame.</summary>
    /// <returns>The bytes appended, length prefix included.</returns>
    /// <exception cref="FrameTooLargeException">The frame would exceed <paramref name="maxFrameSize"/>; the output is rolled back to where the frame began.</exception>
    public static int WriteSystemMessage<TState>(FrameBuffer output, int maxFrameSize, ulong sequenceNumber, string recipient, string? sender, int serializerId, string manifest, TState state, FramePayloadWriter<TState> writePayload)
        => WriteEnvelope(output, maxFrameSize, FrameType.SystemMessage, sequenceNumber, recipient, sender, serializerId, manifest, state, writePayload);

    /// <summary>Writes an Ack frame: the receiver holds every system message up to <paramref name="cumulativeSequenceNumber"/>.</summary>
    public static void WriteAck(IBufferWriter<byte> output, ulong cumulativeSequenceNumber)
    {
        var writer = Begin(output, FrameType.Ack, 8);
        writer.WriteUInt64(cumulativeSequenceNumber);
        output.Advance(writer.Position);
    }

    /// <summary>Writes a Heartbeat frame with the sender's monotonic <paramref name="timestamp"/>.</summary>
    public static void WriteHeartbeat(IBufferWriter<byte> output, ulong sequenceNumber, long timestamp)
        => WriteHeartbeatFrame(output, FrameType.Heartbeat, sequenceNumber, timestamp);

    /// <summary>Writes a HeartbeatReply frame echoing a heartbeat's sequence and timestamp.</summary>
    public static void WriteHeartbeatReply(IBufferWriter<byte> output, ulong sequenceNumber, long timestamp)
        => WriteHeartbeatFrame(output, FrameType.HeartbeatReply, sequenceNumber, timestamp);

    /// <summary>Writes a Close frame; a reason longer than <see cref="WireProtocol.MaxReasonBytes"/> is cut.</summary>
    public static void WriteClose(IBufferWriter<byte> output, string reason) => WriteReason(output, FrameType.Close, reason);

    /// <summary>Writes a Reject frame; a reason longer than <see cref="WireProtocol.MaxReasonBytes"/> is cut.</summary>
    public static void WriteReject(IBufferWriter<byte> output, string reason) => WriteReason(output, FrameType.Reject, reason);

    /// <summary>Writes a Hello frame, the client's first.</summary>
    /// <exception cref="ArgumentException">A text field is empty or over its limit, or the nonce is not 32 bytes.</exception>
    public static void WriteHello(IBufferWriter<byte> output, ushort protocolVersion, string systemName, string address, ulong incarnation, ReadOnlySpan<byte> clientNonce)
    {
        var systemNameBytes = CheckedByteCount(systemName, WireProtocol.MaxSystemNameBytes);
        var addressBytes = CheckedByteCount(address, WireProtocol.MaxAddressBytes);
        CheckLength(clientNonce, WireProtocol.NonceSize);
        var bodyLength = 4 + 2 + FrameSpanWriter.StringSize(systemNameBytes) + FrameSpanWriter.StringSize(addressBytes) + 8 + WireProtocol.NonceSize;
        var writer = Begin(output, FrameType.Hello, bodyLength);
        writer.WriteUInt32(WireProtocol.HelloMagic);
        writer.WriteUInt16(protocolVersion);
        writer.WriteString(systemName, systemNameBytes);
        writer.WriteString(address, addressBytes);
        writer.WriteUInt64(incarnation);
        writer.WriteBytes(clientNonce);
        output.Advance(writer.Position);
    }

    /// <summary>Writes a Challenge frame: the server's nonce, identity and proof.</summary>
    /// <exception cref="ArgumentException">A text field is empty or over its limit, or the nonce or proof is not 32 bytes.</exception>
    public static void WriteChallenge(IBufferWriter<byte> output, ReadOnlySpan<byte> serverNonce, string systemName, string address, ulong incarnation, ReadOnlySpan<byte> serverProof)
    {
        var systemNameBytes = CheckedByteCount(systemName, WireProtocol.MaxSystemNameBytes);
        var addressBytes = CheckedByteCount(address, WireProtocol.MaxAddressBytes);
        CheckLength(serverNonce, WireProtocol.NonceSize);
        CheckLength(serverProof, WireProtocol.ProofSize);
        var bodyLength = WireProtocol.NonceSize + FrameSpanWriter.StringSize(systemNameBytes) + FrameSpanWriter.StringSize(addressBytes) + 8 + WireProtocol.ProofSize;
        var writer = Begin(output, FrameType.Challenge, bodyLength);
        writer.WriteBytes(serverNonce);
        writer.WriteString(systemName, systemNameBytes);
        writer.WriteString(address, addressBytes);
        writer.WriteUInt64(incarnation);
        writer.WriteBytes(serverProof);
        output.Advance(writer.Position);
    }

    /// <summary>Writes a Proof frame with the client's 32-byte proof.</summary>
    public static void WriteProof(IBufferWriter<byte> output, ReadOnlySpan<byte> clientProof)
    {
        CheckLength(clientProof, WireProtocol.ProofSize);
        var writer = Begin(output, FrameType.Proof, WireProtocol.ProofSize);
        writer.WriteBytes(clientProof);
        output.Advance(writer.Position);
    }

    /// <summary>Writes a Welcome frame (no body): the server accepted the client.</summary>
    public static void WriteWelcome(IBufferWriter<byte> output)
    {
        var writer = Begin(output, FrameType.Welcome, 0);
        output.Advance(writer.Position);
    }

    private static int WriteEnvelope(IBufferWriter<byte> output, int maxFrameSize, FrameType type, ulong sequenceNumber, WirePath recipient, WirePath sender, int serializerId, string manifest, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(output);
        var header = new EnvelopeHeader(maxFrameSize, type, recipient, sender, serializerId, manifest);
        var frameLength = (long)header.FrameLengthWithoutPayload + payload.Length;
        if (frameLength > maxFrameSize)
        {
            throw new FrameTooLargeException(type, frameLength, maxFrameSize);
        }

        var total = WireProtocol.LengthPrefixSize + (int)frameLength;
        var writer = new FrameSpanWriter(output.GetSpan(total));
        header.Write(ref writer, (uint)frameLength, sequenceNumber, (uint)payload.Length);
        writer.WriteBytes(payload);
        output.Advance(total);
        return total;
    }

    private static int WriteEnvelope<TState>(FrameBuffer output, int maxFrameSize, FrameType type, ulong sequenceNumber, WirePath recipient, WirePath sender, int serializerId, string manifest, TState state, FramePayloadWriter<TState> writePayload)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(writePayload);
        var header = new EnvelopeHeader(maxFrameSize, type, recipient, sender, serializerId, manifest);
        var start = output.WrittenCount;
        var headerTotal = WireProtocol.LengthPrefixSize + header.FrameLengthWithoutPayload;
        var writer = new FrameSpanWriter(output.GetSpan(headerTotal));
        header.Write(ref writer, 0, sequenceNumber, 0);
        output.Advance(headerTotal);

        long payloadLength;
        try
        {
            writePayload(output, state);
            payloadLength = output.WrittenCount - (start + headerTotal);
        }
        catch
        {
            output.Truncate(start);
            throw;
        }

        var frameLength = header.FrameLengthWithoutPayload + payloadLength;
        if (frameLength > maxFrameSize)
        {
            output.Truncate(start);
            throw new FrameTooLargeException(type, frameLength, maxFrameSize);
        }

        // The payload length is the last header field, right before the payload.
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetWrittenSpan(start, 4), (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetWrittenSpan(start + headerTotal - 4, 4), (uint)payloadLength);
        return WireProtocol.LengthPrefixSize + (int)frameLength;
    }

    private static void WriteHeartbeatFrame(IBufferWriter<byte> output, FrameType type, ulong sequenceNumber, long timestamp)
    {
        var writer = Begin(output, type, 16);
        writer.WriteUInt64(sequenceNumber);
        writer.WriteInt64(timestamp);
        output.Advance(writer.Position);
    }

    private static void WriteReason(IBufferWriter<byte> output, FrameType type, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        reason = WireText.Truncate(reason, WireProtocol.MaxReasonBytes);
        var reasonBytes = WireText.GetByteCount(reason);
        var writer = Begin(output, type, FrameSpanWriter.StringSize(reasonBytes));
        writer.WriteString(reason, reasonBytes);
        output.Advance(writer.Position);
    }

    // Reserves the whole frame and writes its length prefix and type byte; the caller writes
    // exactly bodyLength bytes and advances by the writer's position.
    private static FrameSpanWriter Begin(IBufferWriter<byte> output, FrameType type, int bodyLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        var total = WireProtocol.HeaderSize + bodyLength;
        var writer = new FrameSpanWriter(output.GetSpan(total)[..total]);
        writer.WriteUInt32((uint)(1 + bodyLength));
        writer.WriteByte((byte)type);
        return writer;
    }

    private static int CheckedByteCount(string value, int maxBytes, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        var count = WireText.GetByteCount(value);
        if (count > maxBytes)
        {
            throw new ArgumentException($"{name} takes {count} UTF-8 bytes; the wire limit is {maxBytes}", name);
        }

        return count;
    }

    private static void CheckLength(ReadOnlySpan<byte> value, int length, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"{name} must be {length} bytes, not {value.Length}", name);
        }
    }
}
