namespace ActorIpc.Remote.Wire;

/// <summary>
/// The validated, measured header of a Message or SystemMessage frame: everything up to the
/// payload. Measuring first lets the writer size the frame exactly and refuse an oversized
/// frame before it writes a byte.
/// </summary>
internal readonly struct EnvelopeHeader
{
    private readonly FrameType _type;
    private readonly WirePath _recipient;
    private readonly WirePath _sender;
    private readonly string _manifest;
    private readonly int _serializerId;
    private readonly int _recipientBytes;
    private readonly int _senderBytes;
    private readonly int _manifestBytes;

    /// <summary>Validates and measures the header fields.</summary>
    /// <exception cref="ArgumentException">A field is null, the recipient empty or the serializer id negative.</exception>
    /// <exception cref="FrameTooLargeException">The header alone exceeds <paramref name="maxFrameSize"/>.</exception>
    public EnvelopeHeader(int maxFrameSize, FrameType type, WirePath recipient, WirePath sender, int serializerId, string manifest)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        if (recipient.IsEmpty)
        {
            throw new ArgumentException("The recipient's path must not be null or empty.", nameof(recipient));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(serializerId);
        ArgumentNullException.ThrowIfNull(manifest);
        _type = type;
        _recipient = recipient;
        _sender = sender;
        _manifest = manifest;
        _serializerId = serializerId;
        _recipientBytes = recipient.ByteCount();
        _senderBytes = sender.ByteCount();
        _manifestBytes = WireText.GetByteCount(manifest);

        // Summed in long: three strings near the limit must not wrap around int.
        var length = 1L
            + (type == FrameType.SystemMessage ? 8 : 0)
            + FrameSpanWriter.StringSize(_recipientBytes)
            + (long)FrameSpanWriter.StringSize(_senderBytes)
            + FrameSpanWriter.VarintSize((uint)serializerId)
            + FrameSpanWriter.StringSize(_manifestBytes)
            + 4;
        if (length > maxFrameSize)
        {
            throw new FrameTooLargeException(type, length, maxFrameSize);
        }

        FrameLengthWithoutPayload = (int)length;
    }

    /// <summary>The frame length (type byte and body) before the payload bytes.</summary>
    public int FrameLengthWithoutPayload { get; }

    /// <summary>Writes the length prefix, type byte and header fields, ending with the payload length.</summary>
    public void Write(ref FrameSpanWriter writer, uint frameLength, ulong sequenceNumber, uint payloadLength)
    {
        writer.WriteUInt32(frameLength);
        writer.WriteByte((byte)_type);
        if (_type == FrameType.SystemMessage)
        {
            writer.WriteUInt64(sequenceNumber);
        }

        _recipient.Write(ref writer, _recipientBytes);
        _sender.Write(ref writer, _senderBytes);
        writer.WriteVarint((uint)_serializerId);
        writer.WriteString(_manifest, _manifestBytes);
        writer.WriteUInt32(payloadLength);
    }
}
