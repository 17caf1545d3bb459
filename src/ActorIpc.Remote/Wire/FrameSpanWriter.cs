using System.Buffers.Binary;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Writes wire fields forward into a span that the caller sized exactly beforehand, so a
/// frame is encoded with one <c>GetSpan</c> and one <c>Advance</c> and no allocation.
/// </summary>
internal ref struct FrameSpanWriter
{
    private readonly Span<byte> _span;
    private int _position;

    /// <summary>Starts writing at the beginning of <paramref name="span"/>.</summary>
    public FrameSpanWriter(Span<byte> span)
    {
        _span = span;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The UTF-8 bytes a varint-prefixed string field takes.</summary>
    public static int StringSize(int byteCount) => VarintSize((uint)byteCount) + byteCount;

    /// <summary>The bytes LEB128 takes for <paramref name="value"/>: 1 to 5.</summary>
    public static int VarintSize(uint value) => value switch
    {
        < 1u << 7 => 1,
        < 1u << 14 => 2,
        < 1u << 21 => 3,
        < 1u << 28 => 4,
        _ => 5,
    };

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => _span[_position++] = value;

    /// <summary>Writes a little-endian u16.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_span[_position..], value);
        _position += 2;
    }

    /// <summary>Writes a little-endian u32.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_span[_position..], value);
        _position += 4;
    }

    /// <summary>Writes a little-endian u64.</summary>
    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_span[_position..], value);
        _position += 8;
    }

    /// <summary>Writes a little-endian i64.</summary>
    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_span[_position..], value);
        _position += 8;
    }

    /// <summary>Writes an unsigned LEB128 varint in its shortest form.</summary>
    public void WriteVarint(uint value)
    {
        while (value >= 0x80)
        {
            _span[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _span[_position++] = (byte)value;
    }

    /// <summary>Writes a string field: its varint UTF-8 length (<paramref name="byteCount"/>, computed by the caller), then the bytes.</summary>
    public void WriteString(string value, int byteCount)
    {
        WriteVarint((uint)byteCount);
        if (byteCount > 0)
        {
            _position += WireText.StrictUtf8.GetBytes(value, _span.Slice(_position, byteCount));
        }
    }

    /// <summary>Writes <paramref name="value"/> in decimal ASCII digits, as <see cref="WirePath.DecimalDigits"/> counts them.</summary>
    public void WriteDecimal(long value)
    {
        var formatted = value.TryFormat(_span[_position..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        System.Diagnostics.Debug.Assert(formatted, "the frame was sized with WirePath.DecimalDigits");
        _position += written;
    }

    /// <summary>Copies raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_span[_position..]);
        _position += value.Length;
    }
}
