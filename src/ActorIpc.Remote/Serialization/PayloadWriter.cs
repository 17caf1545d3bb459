using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Compact binary writes into a frame buffer: base-128 varints (zigzag for signed values),
/// little-endian fixed-size numbers and length-prefixed UTF-8 strings. <see cref="PayloadReader"/> reads them.
/// </summary>
internal static class PayloadWriter
{
    public static void WriteByte(this IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    public static void WriteVarUInt64(this IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    public static void WriteVarInt64(this IBufferWriter<byte> output, long value) =>
        output.WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public static void WriteDouble(this IBufferWriter<byte> output, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public static void WriteGuid(this IBufferWriter<byte> output, Guid value)
    {
        value.TryWriteBytes(output.GetSpan(16));
        output.Advance(16);
    }

    /// <summary>Writes a varint byte count, then the UTF-8 bytes.</summary>
    public static void WriteString(this IBufferWriter<byte> output, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        output.WriteVarUInt64((ulong)count);
        Encoding.UTF8.GetBytes(value, output);
    }

    /// <summary>Writes 0 for null, else the byte count plus one, then the UTF-8 bytes.</summary>
    public static void WriteNullableString(this IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            output.WriteByte(0);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        output.WriteVarUInt64((ulong)count + 1);
        Encoding.UTF8.GetBytes(value, output);
    }
}
