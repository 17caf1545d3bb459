using System.Buffers.Binary;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The raw-socket benchmark's wire: frames of a 4-byte little-endian length and a body, the
/// smallest framing any message transport needs, with 100-byte bodies like remote-tell's.
/// </summary>
internal static class RawFrames
{
    public const int BodySize = 100;

    public const int FrameSize = sizeof(int) + BodySize;

    /// <summary>Larger prefixes are garbage: the connection is closed rather than buffering them.</summary>
    public const int MaxBodySize = 64 * 1024;

    /// <summary>The first byte a client sends: the server echoes every frame back.</summary>
    public const byte EchoMode = (byte)'E';

    /// <summary>The first byte a client sends: the server counts frames until the client stops sending, then answers with the count.</summary>
    public const byte SinkMode = (byte)'S';

    /// <summary>Fills <paramref name="buffer"/> with as many whole frames as fit; returns how many bytes they take.</summary>
    public static int Fill(Span<byte> buffer)
    {
        var frames = buffer.Length / FrameSize;
        for (var i = 0; i < frames; i++)
        {
            var frame = buffer.Slice(i * FrameSize, FrameSize);
            BinaryPrimitives.WriteInt32LittleEndian(frame, BodySize);
            frame[sizeof(int)..].Fill((byte)i);
        }

        return frames * FrameSize;
    }

    /// <summary>
    /// Decodes the whole frames at the start of <paramref name="buffer"/>, as a receiver must
    /// (a body's length is known only from its prefix); returns the bytes they take.
    /// </summary>
    /// <exception cref="InvalidDataException">A length prefix is negative or larger than <see cref="MaxBodySize"/>.</exception>
    public static int Scan(ReadOnlySpan<byte> buffer, out int frames)
    {
        frames = 0;
        var offset = 0;
        while (buffer.Length - offset >= sizeof(int))
        {
            var body = BinaryPrimitives.ReadInt32LittleEndian(buffer[offset..]);
            if (body is < 0 or > MaxBodySize)
            {
                throw new InvalidDataException($"a raw frame announces {body} bytes; at most {MaxBodySize} are allowed");
            }

            if (buffer.Length - offset - sizeof(int) < body)
            {
                break;
            }

            offset += sizeof(int) + body;
            frames++;
        }

        return offset;
    }
}
