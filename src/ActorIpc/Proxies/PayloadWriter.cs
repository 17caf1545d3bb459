using System.Text;

namespace ActorIpc;

/// <summary>
/// Writes one payload of the published objects' format (a version byte, then what the codec
/// writes) with a <see cref="BinaryWriter"/> this thread keeps for its next payload. Every proxy
/// call writes two payloads, the call and its result, and a new stream, its buffer and a writer
/// each time allocated more than the payload itself (<c>actoripc bench invoke-proxy</c>). The
/// writer is taken while in use, so a payload written inside another (an argument's serializer
/// that comes back to this format) gets one of its own; one that grew large is not kept.
/// </summary>
internal readonly ref struct PayloadWriter : IDisposable
{
    // A writer whose buffer grew past this is dropped: one large argument must not pin its
    // buffer to the thread for good.
    private const int MaxKeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static BinaryWriter? _kept;

    private PayloadWriter(BinaryWriter writer) => Writer = writer;

    /// <summary>Where the payload is written, after its version byte.</summary>
    public BinaryWriter Writer { get; }

    /// <summary>Starts a payload of <paramref name="version"/>.</summary>
    public static PayloadWriter Start(byte version)
    {
        var writer = _kept ?? new BinaryWriter(new MemoryStream(), Encoding.UTF8);
        _kept = null;
        writer.Write(version);
        return new PayloadWriter(writer);
    }

    /// <summary>The payload written so far.</summary>
    public byte[] ToArray() => Stream.ToArray();

    /// <summary>Empties the writer and keeps it for this thread's next payload, unless it grew too large.</summary>
    public void Dispose()
    {
        if (Stream.Capacity <= MaxKeptCapacity)
        {
            Stream.SetLength(0);
            _kept = Writer;
        }
    }

    private MemoryStream Stream => (MemoryStream)Writer.BaseStream;
}
