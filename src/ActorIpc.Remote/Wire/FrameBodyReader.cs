using System.Buffers;
using System.Text;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Reads the fields of one frame body, which may span several buffer segments. Every read
/// checks what is left before it touches or allocates anything, and a failure names the
/// frame type, the field and its offset from the first byte of the frame's length prefix.
/// </summary>
internal ref struct FrameBodyReader
{
    private readonly FrameType _type;
    private SequenceReader<byte> _reader;

    /// <summary>Reads <paramref name="body"/>, the bytes after the type byte of a <paramref name="type"/> frame.</summary>
    public FrameBodyReader(FrameType type, ReadOnlySequence<byte> body)
    {
        _type = type;
        _reader = new SequenceReader<byte>(body);
    }

    private enum FieldPart
    {
        Value,
        Length,
    }

    private readonly long Offset => WireProtocol.HeaderSize + _reader.Consumed;

    private readonly long End => WireProtocol.HeaderSize + _reader.Length;

    /// <summary>Reads a little-endian u16.</summary>
    public ushort ReadUInt16(string field)
    {
        EnsureAvailable(field, 2);
        _reader.TryReadLittleEndian(out short value);
        return (ushort)value;
    }

    /// <summary>Reads a little-endian u32.</summary>
    public uint ReadUInt32(string field)
    {
        EnsureAvailable(field, 4);
        _reader.TryReadLittleEndian(out int value);
        return (uint)value;
    }

    /// <summary>Reads a little-endian u64.</summary>
    public ulong ReadUInt64(string field) => (ulong)ReadInt64(field);

    /// <summary>Reads a little-endian i64.</summary>
    public long ReadInt64(string field)
    {
        EnsureAvailable(field, 8);
        _reader.TryReadLittleEndian(out long value);
        return value;
    }

    /// <summary>Reads exactly <paramref name="length"/> raw bytes into a new array.</summary>
    public byte[] ReadBytes(string field, int length)
    {
        EnsureAvailable(field, length);
        var value = new byte[length];
        _reader.TryCopyTo(value);
        _reader.Advance(length);
        return value;
    }

    /// <summary>Reads an unsigned LEB128 varint of at most 32 bits (5 bytes).</summary>
    public uint ReadVarint(string field) => ReadVarint(field, FieldPart.Value);

    /// <summary>Reads a varint that must fit a non-negative <see cref="int"/>.</summary>
    public int ReadVarintInt32(string field)
    {
        var start = Offset;
        var value = ReadVarint(field);
        return value <= int.MaxValue
            ? (int)value
            : throw Fail($"{field} {value} at offset {start} is out of range (0 to {int.MaxValue})");
    }

    /// <summary>Reads a string field: varint UTF-8 byte length, then strictly valid UTF-8.</summary>
    public string ReadString(string field, int maxBytes = int.MaxValue)
    {
        var start = Offset;
        var length = ReadStringLength(field, maxBytes, start);
        if (length == 0)
        {
            return string.Empty;
        }

        string value;
        try
        {
            var unread = _reader.UnreadSpan;
            value = unread.Length >= length
                ? WireText.StrictUtf8.GetString(unread[..length])
                : WireText.StrictUtf8.GetString(_reader.UnreadSequence.Slice(0, length));
        }
        catch (DecoderFallbackException e)
        {
            throw NotUtf8(_type, field, start, e);
        }

        _reader.Advance(length);
        return value;
    }

    /// <summary>Reads a string field that must not be empty.</summary>
    public string ReadRequiredString(string field, int maxBytes = int.MaxValue)
    {
        var start = Offset;
        var value = ReadString(field, maxBytes);
        return value.Length > 0 ? value : throw Empty(field, start);
    }

    /// <summary>
    /// Reads a string field as its UTF-8 bytes, neither decoded nor checked for UTF-8 validity
    /// (<see cref="Utf8Field.Decode"/> does both), with the same length checks as <see cref="ReadString"/>.
    /// The bytes are a slice of the frame; a field split across two buffer segments is copied to
    /// the front of <paramref name="scratch"/>, which is then cut past the copy, or to a new array
    /// when <paramref name="scratch"/> has too little room left.
    /// </summary>
    public Utf8Field ReadUtf8(string field, scoped ref Span<byte> scratch)
    {
        var start = Offset;
        var length = ReadStringLength(field, int.MaxValue, start);
        var unread = _reader.UnreadSpan;
        ReadOnlySpan<byte> bytes;
        if (unread.Length >= length)
        {
            bytes = unread[..length];
        }
        else if (scratch.Length >= length)
        {
            _reader.TryCopyTo(scratch[..length]);
            bytes = scratch[..length];
            scratch = scratch[length..];
        }
        else
        {
            bytes = _reader.UnreadSequence.Slice(0, length).ToArray();
        }

        _reader.Advance(length);
        return new Utf8Field(_type, field, start, bytes);
    }

    /// <summary>Reads a string field as its UTF-8 bytes, like <see cref="ReadUtf8"/>; it must not be empty.</summary>
    public Utf8Field ReadRequiredUtf8(string field, scoped ref Span<byte> scratch)
    {
        var value = ReadUtf8(field, ref scratch);
        return !value.IsEmpty ? value : throw Empty(field, value.Offset);
    }

    /// <summary>Reads a u32 byte count and returns that many bytes as a slice of the frame, without copying.</summary>
    public ReadOnlySequence<byte> ReadPayload(string field)
    {
        var start = Offset;
        if (_reader.Remaining < 4)
        {
            throw Fail($"{field} length at offset {start} needs 4 bytes but the frame ends at offset {End}");
        }

        _reader.TryReadLittleEndian(out int signedLength);
        var length = (uint)signedLength;
        if (length > _reader.Remaining)
        {
            throw Fail($"{field} length {length} at offset {start} runs past the frame end at offset {End}");
        }

        var value = _reader.UnreadSequence.Slice(0, length);
        _reader.Advance(length);
        return value;
    }

    /// <summary>Fails if any byte of the frame is left: a frame holds exactly its fields.</summary>
    public readonly void EnsureEnd()
    {
        if (_reader.Remaining > 0)
        {
            var bytes = _reader.Remaining == 1 ? "byte" : "bytes";
            throw Fail($"{_reader.Remaining} trailing {bytes} at offset {Offset} after the last field");
        }
    }

    /// <summary>A protocol error about this frame.</summary>
    public readonly ProtocolException Fail(string reason, Exception? innerException = null) => Fail(_type, reason, innerException);

    /// <summary>A protocol error about a frame of type <paramref name="type"/>.</summary>
    public static ProtocolException Fail(FrameType type, string reason, Exception? innerException = null)
        => new($"{type} frame: {reason}", innerException);

    /// <summary>The protocol error for a string field whose bytes (from offset <paramref name="start"/>) are not valid UTF-8.</summary>
    public static ProtocolException NotUtf8(FrameType type, string field, long start, DecoderFallbackException innerException)
        => Fail(type, $"{field} at offset {start} is not valid UTF-8", innerException);

    // The field name is only formatted on failure: building "recipient length" per read would allocate on the hot path.
    private uint ReadVarint(string field, FieldPart part)
    {
        var start = Offset;
        var result = 0u;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!_reader.TryRead(out var b))
            {
                throw Fail($"{Name(field, part)} varint at offset {start} is cut off by the frame end at offset {End}");
            }

            // The fifth byte holds bits 28..31 only: anything more cannot fit in 32 bits.
            if (shift == 28 && b > 0x0F)
            {
                throw Fail($"{Name(field, part)} varint at offset {start} overflows 32 bits");
            }

            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Fail($"{Name(field, part)} varint at offset {start} overflows 32 bits");
    }

    // Leaves the reader at the field's first byte; the length returned fits in the frame.
    private int ReadStringLength(string field, int maxBytes, long start)
    {
        var length = ReadVarint(field, FieldPart.Length);
        if (length > maxBytes)
        {
            throw Fail($"{field} of {length} bytes at offset {start} exceeds the limit of {maxBytes} bytes");
        }

        return length <= _reader.Remaining
            ? (int)length
            : throw Fail($"{field} length {length} at offset {start} runs past the frame end at offset {End}");
    }

    private readonly ProtocolException Empty(string field, long start) => Fail($"{field} at offset {start} is empty");

    private static string Name(string field, FieldPart part) => part == FieldPart.Length ? field + " length" : field;

    private readonly void EnsureAvailable(string field, int size)
    {
        if (_reader.Remaining < size)
        {
            throw Fail($"{field} at offset {Offset} needs {size} bytes but the frame ends at offset {End}");
        }
    }
}
