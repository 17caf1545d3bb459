using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Splits the bytes a connection received into frames. Call <see cref="TryReadFrame"/> until it
/// returns <see langword="false"/>, then advance the pipe once to the buffer's new start: every
/// complete frame of a read is decoded before the connection goes back to the socket, and a
/// partial frame stays in the pipe until more bytes arrive.
/// </summary>
internal static class FrameReader
{
    /// <summary>
    /// Takes the frame at the start of <paramref name="buffer"/> if it is complete, and moves
    /// <paramref name="buffer"/> past it.
    /// </summary>
    /// <param name="buffer">The unread bytes; on success, what follows the frame.</param>
    /// <param name="maxFrameSize">The largest frame length (type byte and body) to accept.</param>
    /// <param name="frame">The frame, whose body is a slice of <paramref name="buffer"/>.</param>
    /// <returns><see langword="false"/> when the buffer holds only part of a frame (or nothing); it is then unchanged.</returns>
    /// <exception cref="ProtocolException">
    /// The length is 0 or over <paramref name="maxFrameSize"/>, or the type is unknown. Both are
    /// reported as soon as the header arrives, without waiting for (or buffering) the body.
    /// </exception>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out Frame frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        frame = default;
        if (buffer.Length < WireProtocol.LengthPrefixSize)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[WireProtocol.HeaderSize];
        scoped ReadOnlySpan<byte> header = buffer.FirstSpan;
        if (header.Length < WireProtocol.HeaderSize)
        {
            var available = (int)Math.Min(buffer.Length, WireProtocol.HeaderSize);
            buffer.Slice(0, available).CopyTo(copy);
            header = copy[..available];
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length == 0)
        {
            throw new ProtocolException("frame length 0 is below the minimum of 1 (the type byte)");
        }

        if (length > (uint)maxFrameSize)
        {
            throw new ProtocolException($"frame of {WireProtocol.FormatSize(length)} exceeds the maximum of {WireProtocol.FormatSize(maxFrameSize)}");
        }

        if (header.Length < WireProtocol.HeaderSize)
        {
            return false;
        }

        var type = header[WireProtocol.LengthPrefixSize];
        if (!IsKnown(type))
        {
            throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"unknown frame type 0x{type:x2}"));
        }

        var total = WireProtocol.LengthPrefixSize + (long)length;
        if (buffer.Length < total)
        {
            return false;
        }

        frame = new Frame((FrameType)type, buffer.Slice(WireProtocol.HeaderSize, length - 1));
        buffer = buffer.Slice(total);
        return true;
    }

    internal static bool IsKnown(byte type)
        => type is >= (byte)FrameType.Hello and <= (byte)FrameType.Reject
            or >= (byte)FrameType.Message and <= (byte)FrameType.Close;
}
