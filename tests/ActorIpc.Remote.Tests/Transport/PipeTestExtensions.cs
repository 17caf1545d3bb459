using System.Buffers;
using System.IO.Pipelines;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>Reading and writing whole messages and patterned streams over pipes, for the transport tests.</summary>
internal static class PipeTestExtensions
{
    /// <summary>The byte at <paramref name="position"/> of a patterned stream: a prime period, so shifted or dropped chunks show.</summary>
    public static byte PatternAt(long position, int seed) => (byte)((position + seed) % 251);

    public static async Task WriteFlushedAsync(this PipeWriter writer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var result = await writer.WriteAsync(data, cancellationToken);
        Assert.False(result.IsCompleted, "the connection's output completed while writing");
    }

    public static async Task<byte[]> ReadExactlyAsync(this PipeReader reader, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.Buffer.Length >= count)
            {
                var bytes = result.Buffer.Slice(0, count).ToArray();
                reader.AdvanceTo(result.Buffer.GetPosition(count));
                return bytes;
            }

            if (result.IsCompleted)
            {
                throw new EndOfStreamException($"The stream ended after {result.Buffer.Length} of {count} bytes.");
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Reads until the end of the stream; returns everything read.</summary>
    public static async Task<byte[]> ReadToEndAsync(this PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Writes <paramref name="length"/> patterned bytes in chunks of <paramref name="chunk"/>, flushing each.</summary>
    public static async Task WritePatternAsync(this PipeWriter writer, long length, int seed, int chunk, CancellationToken cancellationToken)
    {
        for (long written = 0; written < length;)
        {
            var size = (int)Math.Min(chunk, length - written);
            var span = writer.GetSpan(size)[..size];
            for (var i = 0; i < size; i++)
            {
                span[i] = PatternAt(written + i, seed);
            }

            writer.Advance(size);
            written += size;
            var flushed = await writer.FlushAsync(cancellationToken);
            Assert.False(flushed.IsCompleted, "the connection's output completed while writing");
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes and checks each against the pattern.</summary>
    public static async Task ReadPatternAsync(this PipeReader reader, long length, int seed, CancellationToken cancellationToken)
    {
        long position = 0;
        while (position < length)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > length - position)
            {
                buffer = buffer.Slice(0, length - position);
            }

            foreach (var segment in buffer)
            {
                var span = segment.Span;
                for (var i = 0; i < span.Length; i++)
                {
                    if (span[i] != PatternAt(position + i, seed))
                    {
                        Assert.Fail($"byte {position + i} is {span[i]}, expected {PatternAt(position + i, seed)}");
                    }
                }

                position += span.Length;
            }

            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted && position < length)
            {
                Assert.Fail($"the stream ended after {position} of {length} bytes");
            }
        }
    }
}
