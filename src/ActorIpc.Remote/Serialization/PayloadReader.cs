using System.Buffers;
using System.Text;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Reads what <see cref="PayloadWriter"/> wrote from a possibly multi-segment payload. Every length
/// is checked against the bytes that remain before anything is allocated, so a hostile length
/// cannot make it allocate more than the payload's size.
/// </summary>
internal ref struct PayloadReader
{
    private SequenceReader<byte> _reader;

    public PayloadReader(ReadOnlySequence<byte> payload)
    {
        _reader = new SequenceReader<byte>(payload);
    }

    public readonly bool End => _reader.End;

    public readonly ReadOnlySequence<byte> Rest => _reader.UnreadSequence;

    public byte ReadByte() => _reader.TryRead(out var value) ? value : throw Truncated();

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("a varint in the payload is longer than 10 bytes");
    }

    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int ReadVarInt32()
    {
        var value = ReadVarInt64();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new InvalidDataException($"the value {value} does not fit a 32-bit integer");
    }

    public double ReadDouble() => _reader.TryReadLittleEndian(out long bits) ? BitConverter.Int64BitsToDouble(bits) : throw Truncated();

    public Guid ReadGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!_reader.TryCopyTo(bytes))
        {
            throw Truncated();
        }

        _reader.Advance(16);
        return new Guid(bytes);
    }

    public string ReadString() => ReadUtf8(Length(ReadVarUInt64()));

    public string? ReadNullableString()
    {
        var prefix = ReadVarUInt64();
        return prefix == 0 ? null : ReadUtf8(Length(prefix - 1));
    }

    private int Length(ulong length) =>
        length <= (ulong)_reader.Remaining ? (int)length : throw new InvalidDataException($"a length of {length} bytes exceeds the {_reader.Remaining} bytes left in the payload");

    private string ReadUtf8(int length)
    {
        var unread = _reader.UnreadSpan;
        string text = unread.Length >= length
            ? Encoding.UTF8.GetString(unread[..length])
            : Encoding.UTF8.GetString(_reader.UnreadSequence.Slice(0, length));
        _reader.Advance(length);
        return text;
    }

    private static InvalidDataException Truncated() => new("the payload is truncated");
}
