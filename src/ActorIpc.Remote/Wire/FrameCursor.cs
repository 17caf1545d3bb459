using System.Buffers;
using System.Buffers.Binary;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Reads the whole frames of a connection's received bytes one after another, as
/// <see cref="FrameReader.TryReadFrame"/> does, but cuts the frames that lie whole in one buffer
/// segment straight from it, without slicing the buffer for each: a busy connection's buffer holds
/// thousands of small frames. A frame that straddles two segments, and any bad header, go to
/// <see cref="FrameReader.TryReadFrame"/>, which reads and refuses them exactly as before.
/// </summary>
internal ref struct FrameCursor
{
    private readonly int _maxFrameSize;
    private ReadOnlySequence<byte> _buffer;
    private ReadOnlyMemory<byte> _segment;
    private int _at;

    /// <summary>Starts at the first byte of <paramref name="buffer"/>, which must be a frame boundary.</summary>
    /// <param name="buffer">The unread bytes.</param>
    /// <param name="maxFrameSize">The largest frame length (type byte and body) to accept.</param>
    public FrameCursor(ReadOnlySequence<byte> buffer, int maxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _maxFrameSize = maxFrameSize;
        _buffer = buffer;
        _segment = buffer.First;
    }

    /// <summary>What follows the frames read so far: a partial frame, or nothing.</summary>
    public readonly ReadOnlySequence<byte> Remaining => _at == 0 ? _buffer : _buffer.Slice(_at);

    /// <summary>Takes the next frame if the bytes hold all of it.</summary>
    /// <param name="frame">The frame, whose body is a slice of the buffer.</param>
    /// <returns><see langword="false"/> when what is left is only part of a frame, or nothing.</returns>
    /// <exception cref="ProtocolException">As <see cref="FrameReader.TryReadFrame"/> throws it.</exception>
    public bool TryNext(out Frame frame)
    {
        if (TryReadInSegment(out frame))
        {
            return true;
        }

        _buffer = Remaining;
        _at = 0;
        if (!FrameReader.TryReadFrame(ref _buffer, _maxFrameSize, out frame))
        {
            _segment = default;
            return false;
        }

        _segment = _buffer.First;
        return true;
    }

    // The frame at _at if it lies whole in the current segment with a well-formed header; false,
    // without a word, at anything else.
    private bool TryReadInSegment(out Frame frame)
    {
        frame = default;
        var rest = _segment.Span[_at..];
        if (rest.Length < WireProtocol.HeaderSize)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        var type = rest[WireProtocol.LengthPrefixSize];
        if (length == 0 || length > (uint)_maxFrameSize || length > (uint)(rest.Length - WireProtocol.LengthPrefixSize) || !FrameReader.IsKnown(type))
        {
            return false;
        }

        frame = new Frame((FrameType)type, _segment.Slice(_at + WireProtocol.HeaderSize, (int)length - 1));
        _at += WireProtocol.LengthPrefixSize + (int)length;
        return true;
    }
}
