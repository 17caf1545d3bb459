using System.Buffers;

namespace ActorIpc.Remote.Tests.Wire;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, as a pipe hands them out.</summary>
internal static class TestSequence
{
    /// <summary>One segment per chunk, each backed by its own array so no read can stray into a neighbour.</summary>
    public static ReadOnlySequence<byte> FromChunks(IReadOnlyList<byte[]> chunks)
    {
        if (chunks.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(chunks[0], 0);
        var last = first;
        for (var i = 1; i < chunks.Count; i++)
        {
            last = last.Append(chunks[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Splits <paramref name="data"/> at the given ascending offsets.</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        var chunks = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts)
        {
            chunks.Add(data[start..cut]);
            start = cut;
        }

        chunks.Add(data[start..]);
        return FromChunks(chunks);
    }

    /// <summary>Cuts <paramref name="data"/> into segments of <paramref name="size"/> bytes.</summary>
    public static ReadOnlySequence<byte> Chunked(byte[] data, int size)
    {
        var chunks = new List<byte[]>();
        for (var i = 0; i < data.Length; i += size)
        {
            chunks.Add(data[i..Math.Min(data.Length, i + size)]);
        }

        return FromChunks(chunks);
    }

    /// <summary>Cuts <paramref name="data"/> into segments of random sizes (1 to <paramref name="maxSize"/>).</summary>
    public static ReadOnlySequence<byte> RandomlyChunked(byte[] data, Random random, int maxSize)
    {
        var chunks = new List<byte[]>();
        for (var i = 0; i < data.Length;)
        {
            var size = Math.Min(data.Length - i, random.Next(1, maxSize + 1));
            chunks.Add(data[i..(i + size)]);
            i += size;
        }

        return FromChunks(chunks);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
