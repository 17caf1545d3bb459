using System.Buffers;
using System.Buffers.Binary;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// One complete frame returned by <see cref="FrameReader.TryReadFrame"/> or <see cref="FrameCursor"/>:
/// its type and its body, a slice of the read buffer that stays valid until the reader advances
/// past it. The typed <c>Read…</c> methods decode and validate the body; malformed bodies throw
/// <see cref="ProtocolException"/>.
/// </summary>
internal readonly struct Frame
{
    // A body in one buffer segment (almost every one) is kept as that memory: a message's fields
    // are read from its span and its payload is cut from it, without slicing a sequence. Only a
    // body split across segments is kept as a sequence, and such a body is never empty.
    private readonly ReadOnlyMemory<byte> _segmentBody;
    private readonly ReadOnlySequence<byte> _splitBody;

    /// <summary>Wraps a body already delimited by the reader.</summary>
    public Frame(FrameType type, ReadOnlySequence<byte> body)
    {
        Type = type;
        if (body.IsSingleSegment)
        {
            _segmentBody = body.First;
        }
        else
        {
            _splitBody = body;
        }
    }

    /// <summary>Wraps a body that lies in one buffer segment.</summary>
    public Frame(FrameType type, ReadOnlyMemory<byte> body)
    {
        Type = type;
        _segmentBody = body;
    }

    /// <summary>The frame's type.</summary>
    public FrameType Type { get; }

    /// <summary>The bytes after the type byte.</summary>
    public ReadOnlySequence<byte> Body => InOneSegment ? new ReadOnlySequence<byte>(_segmentBody) : _splitBody;

    /// <summary>The frame length as the length prefix states it: the type byte plus the body.</summary>
    public long Length => 1 + (InOneSegment ? _segmentBody.Length : _splitBody.Length);

    private bool InOneSegment => _splitBody.IsEmpty;

    /// <summary>Decodes a Message frame.</summary>
    public WireEnvelope ReadMessage()
    {
        var reader = Open(FrameType.Message);
        var envelope = ReadEnvelope(ref reader);
        reader.EnsureEnd();
        return envelope;
    }

    /// <summary>
    /// Reads a Message frame without decoding its strings or allocating: the same checks as
    /// <see cref="ReadMessage"/> except UTF-8 validity, which <see cref="Utf8Field.Decode"/> checks
    /// (with the same error) when a field is turned into text.
    /// </summary>
    /// <param name="scratch">
    /// Room for string fields split across two buffer segments (the others are read in place);
    /// one that does not fit in what is left is copied to a new array.
    /// </param>
    public RawMessage ReadRawMessage(Span<byte> scratch)
    {
        // Almost every frame lies in one buffer segment: its fields are read there directly. A
        // frame that is not a well-formed message is left to the checked reader below, which
        // says what is wrong with it.
        if (Type == FrameType.Message && InOneSegment && TryReadRawMessageInOneSpan(out var message))
        {
            return message;
        }

        var reader = Open(FrameType.Message);
        var recipient = reader.ReadRequiredUtf8("recipient", ref scratch);
        var sender = reader.ReadUtf8("sender", ref scratch);
        var serializerId = reader.ReadVarintInt32("serializer id");
        var manifest = reader.ReadUtf8("manifest", ref scratch);
        var payload = reader.ReadPayload("payload");
        reader.EnsureEnd();
        return new RawMessage(recipient, sender, serializerId, manifest, payload);
    }

    // The fields of ReadRawMessage from a body in one segment; false, without a word, at anything
    // the checked reader would refuse.
    private bool TryReadRawMessageInOneSpan(out RawMessage message)
    {
        message = default;
        var body = _segmentBody.Span;
        var at = 0;
        if (!TryReadField(body, ref at, out var recipientAt, out var recipient) || recipient.IsEmpty
            || !TryReadField(body, ref at, out var senderAt, out var sender)
            || !TryReadVarint(body, ref at, out var serializerId) || serializerId > int.MaxValue
            || !TryReadField(body, ref at, out var manifestAt, out var manifest)
            || body.Length - at < 4
            || BinaryPrimitives.ReadUInt32LittleEndian(body[at..]) != (uint)(body.Length - at - 4))
        {
            return false;
        }

        message = new RawMessage(
            new Utf8Field(FrameType.Message, "recipient", WireProtocol.HeaderSize + recipientAt, recipient),
            new Utf8Field(FrameType.Message, "sender", WireProtocol.HeaderSize + senderAt, sender),
            (int)serializerId,
            new Utf8Field(FrameType.Message, "manifest", WireProtocol.HeaderSize + manifestAt, manifest),
            new ReadOnlySequence<byte>(_segmentBody[(at + 4)..]));
        return true;
    }

    private static bool TryReadField(ReadOnlySpan<byte> body, scoped ref int at, out int start, out ReadOnlySpan<byte> field)
    {
        start = at;
        field = default;
        if (!TryReadVarint(body, ref at, out var length) || length > (uint)(body.Length - at))
        {
            return false;
        }

        field = body.Slice(at, (int)length);
        at += (int)length;
        return true;
    }

    // An unsigned LEB128 varint of at most 32 bits, as FrameBodyReader reads it.
    private static bool TryReadVarint(ReadOnlySpan<byte> body, scoped ref int at, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35 && at < body.Length; shift += 7)
        {
            var b = body[at++];
            if (shift == 28 && b > 0x0F)
            {
                return false;
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes a SystemMessage frame.</summary>
    public WireEnvelope ReadSystemMessage(out ulong sequenceNumber)
    {
        var reader = Open(FrameType.SystemMessage);
        sequenceNumber = reader.ReadUInt64("sequence number");
        var envelope = ReadEnvelope(ref reader);
        reader.EnsureEnd();
        return envelope;
    }

    /// <summary>Decodes an Ack frame: the cumulative sequence number acknowledged.</summary>
    public ulong ReadAck()
    {
        var reader = Open(FrameType.Ack);
        var sequenceNumber = reader.ReadUInt64("sequence number");
        reader.EnsureEnd();
        return sequenceNumber;
    }

    /// <summary>Decodes a Heartbeat frame.</summary>
    public HeartbeatFrame ReadHeartbeat() => ReadHeartbeatFrame(FrameType.Heartbeat);

    /// <summary>Decodes a HeartbeatReply frame.</summary>
    public HeartbeatFrame ReadHeartbeatReply() => ReadHeartbeatFrame(FrameType.HeartbeatReply);

    /// <summary>Decodes a Close frame: the reason the peer gave.</summary>
    public string ReadClose() => ReadReason(FrameType.Close);

    /// <summary>Decodes a Reject frame: the reason the peer gave.</summary>
    public string ReadReject() => ReadReason(FrameType.Reject);

    /// <summary>
    /// Decodes only the magic and protocol version of a Hello frame. Their layout is the same in
    /// every version, so a server checks the version before it tries to parse the rest.
    /// </summary>
    public ushort ReadHelloVersion()
    {
        var reader = Open(FrameType.Hello);
        return ReadMagicAndVersion(ref reader);
    }

    /// <summary>Decodes a Hello frame in this version's layout.</summary>
    public HelloFrame ReadHello()
    {
        var reader = Open(FrameType.Hello);
        var version = ReadMagicAndVersion(ref reader);
        var systemName = reader.ReadRequiredString("system name", WireProtocol.MaxSystemNameBytes);
        var address = reader.ReadRequiredString("address", WireProtocol.MaxAddressBytes);
        var incarnation = reader.ReadUInt64("incarnation");
        var nonce = reader.ReadBytes("client nonce", WireProtocol.NonceSize);
        reader.EnsureEnd();
        return new HelloFrame(version, systemName, address, incarnation, nonce);
    }

    /// <summary>Decodes a Challenge frame.</summary>
    public ChallengeFrame ReadChallenge()
    {
        var reader = Open(FrameType.Challenge);
        var nonce = reader.ReadBytes("server nonce", WireProtocol.NonceSize);
        var systemName = reader.ReadRequiredString("system name", WireProtocol.MaxSystemNameBytes);
        var address = reader.ReadRequiredString("address", WireProtocol.MaxAddressBytes);
        var incarnation = reader.ReadUInt64("incarnation");
        var proof = reader.ReadBytes("server proof", WireProtocol.ProofSize);
        reader.EnsureEnd();
        return new ChallengeFrame(nonce, systemName, address, incarnation, proof);
    }

    /// <summary>Decodes a Proof frame: the client's 32-byte proof.</summary>
    public byte[] ReadProof()
    {
        var reader = Open(FrameType.Proof);
        var proof = reader.ReadBytes("client proof", WireProtocol.ProofSize);
        reader.EnsureEnd();
        return proof;
    }

    /// <summary>Checks a Welcome frame, which has no body.</summary>
    public void ReadWelcome() => Open(FrameType.Welcome).EnsureEnd();

    private static WireEnvelope ReadEnvelope(ref FrameBodyReader reader)
    {
        var recipient = reader.ReadRequiredString("recipient");
        var sender = reader.ReadString("sender");
        var serializerId = reader.ReadVarintInt32("serializer id");
        var manifest = reader.ReadString("manifest");
        var payload = reader.ReadPayload("payload");
        return new WireEnvelope(recipient, sender.Length == 0 ? null : sender, serializerId, manifest, payload);
    }

    private static ushort ReadMagicAndVersion(ref FrameBodyReader reader)
    {
        var magic = reader.ReadUInt32("magic");
        return magic == WireProtocol.HelloMagic
            ? reader.ReadUInt16("protocol version")
            : throw reader.Fail($"magic 0x{magic:x8} at offset {WireProtocol.HeaderSize} is not \"AIPC\": the peer does not speak the ActorIpc protocol");
    }

    private HeartbeatFrame ReadHeartbeatFrame(FrameType type)
    {
        var reader = Open(type);
        var sequenceNumber = reader.ReadUInt64("sequence number");
        var timestamp = reader.ReadInt64("timestamp");
        reader.EnsureEnd();
        return new HeartbeatFrame(sequenceNumber, timestamp);
    }

    private string ReadReason(FrameType type)
    {
        var reader = Open(type);
        var reason = reader.ReadString("reason", WireProtocol.MaxReasonBytes);
        reader.EnsureEnd();
        return reason;
    }

    private FrameBodyReader Open(FrameType expected)
        => Type == expected
            ? new FrameBodyReader(Type, Body)
            : throw new InvalidOperationException($"cannot read a {Type} frame as {expected}");
}
