using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

/// <summary>Hand-built frames, so tests can say exactly which bytes are wrong.</summary>
internal static class WireBytes
{
    public static byte[] Frame(FrameType type, params byte[][] bodyParts) => Frame((byte)type, bodyParts);

    public static byte[] Frame(byte type, params byte[][] bodyParts)
    {
        var body = bodyParts.SelectMany(part => part).ToArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(1 + body.Length));
        frame[4] = type;
        body.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    public static byte[] Text(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        return [.. Varint((uint)utf8.Length), .. utf8];
    }

    public static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] Write(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads every frame of <paramref name="buffer"/>, decoding each with <paramref name="decode"/>; all bytes must be consumed.</summary>
    public static List<T> ReadAll<T>(ReadOnlySequence<byte> buffer, int maxFrameSize, Func<Frame, T> decode)
    {
        var results = new List<T>();
        while (FrameReader.TryReadFrame(ref buffer, maxFrameSize, out var frame))
        {
            results.Add(decode(frame));
        }

        Assert.Equal(0, buffer.Length);
        return results;
    }

    public static Frame ReadSingle(byte[] bytes, int maxFrameSize = 1 << 20)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(FrameReader.TryReadFrame(ref buffer, maxFrameSize, out var frame));
        Assert.Equal(0, buffer.Length);
        return frame;
    }

    /// <summary>The one frame of <paramref name="bytes"/> as <see cref="FrameCursor"/> cuts it from a single buffer segment.</summary>
    public static Frame CutFromSegment(byte[] bytes, int maxFrameSize = 1 << 20)
    {
        var cursor = new FrameCursor(new ReadOnlySequence<byte>(bytes), maxFrameSize);
        Assert.True(cursor.TryNext(out var frame));
        Assert.Equal(0, cursor.Remaining.Length);
        return frame;
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
