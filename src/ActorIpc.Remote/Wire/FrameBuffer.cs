using System.Buffers;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// A growable buffer rented from <see cref="ArrayPool{T}"/> that collects a batch of frames
/// for one socket write. Unlike an arbitrary <see cref="IBufferWriter{T}"/>, it lets the frame
/// writer patch bytes it wrote earlier (a length prefix after a serializer wrote the payload)
/// and roll back a frame that failed, because positions are offsets, which survive growth.
/// </summary>
/// <remarks>Single-threaded: one send loop owns it, fills it, writes it out and clears it.</remarks>
internal sealed class FrameBuffer : IBufferWriter<byte>, IDisposable
{
    private const int MinimumGrowth = 256;

    private byte[] _buffer;
    private int _written;

    /// <summary>Creates a buffer that starts with at least <paramref name="initialCapacity"/> bytes.</summary>
    public FrameBuffer(int initialCapacity = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>The bytes written, valid until the next write, <see cref="Clear"/> or <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>The bytes written, valid until the next write, <see cref="Clear"/> or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Forgets the written bytes and keeps the storage for the next batch.</summary>
    public void Clear() => _written = 0;

    /// <summary>Drops everything written after the first <paramref name="writtenCount"/> bytes.</summary>
    public void Truncate(int writtenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(writtenCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(writtenCount, _written);
        _written = writtenCount;
    }

    /// <summary>Already-written bytes, for patching a field whose value became known later.</summary>
    public Span<byte> GetWrittenSpan(int start, int length) => _buffer.AsSpan(0, _written).Slice(start, length);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Returns the storage to the pool; the buffer is unusable afterwards.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var size = Math.Max((long)_written + Math.Max(needed, MinimumGrowth), (long)_buffer.Length * 2);
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(size, Array.MaxLength));
        if (grown.Length - _written < needed)
        {
            ArrayPool<byte>.Shared.Return(grown);
            throw new InvalidOperationException($"a frame buffer cannot hold {WireProtocol.FormatSize((long)_written + needed)}");
        }

        _buffer.AsSpan(0, _written).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
