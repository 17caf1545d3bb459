using System.Text;

namespace ActorIpc;

/// <summary>
/// The interface and method names that published objects' calls carry, read without allocating
/// them again: a publisher receives the same few names on every call, and two new strings a call
/// were a sixth of what a proxy's call allocated in the publisher's process beyond a call by key
/// (<c>actoripc bench invoke-proxy</c>). A name's bytes are compared with those of the names seen
/// before, which costs less than decoding them; the table stops growing at
/// <see cref="MaxNames"/>, and further names are read as any string.
/// </summary>
internal sealed class WireNames
{
    // A process publishes a few interfaces of a few methods each; the table is searched in order.
    private const int MaxNames = 64;

    // Longer names (generic interfaces with long type arguments) are read as any string is.
    private const int MaxKeptBytes = 512;

    private readonly Lock _gate = new();

    // Replaced, never changed, so that readers search it without a lock.
    private volatile Name[] _names = [];

    /// <summary>Reads a string as <see cref="BinaryWriter.Write(string)"/> wrote it: its UTF-8 length, 7-bit encoded, then its bytes.</summary>
    /// <exception cref="EndOfStreamException">The length is negative or longer than what is left.</exception>
    public string Read(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        var stream = reader.BaseStream;
        var left = stream.Length - stream.Position;
        if (length < 0 || length > left)
        {
            // Checked before anything is allocated for it.
            throw new EndOfStreamException($"a name of {length} bytes in a payload with {left} left");
        }

        // BinaryReader reads nothing ahead, so its stream is where the name's bytes start.
        if (length > MaxKeptBytes)
        {
            var large = new byte[length];
            stream.ReadExactly(large);
            return Encoding.UTF8.GetString(large);
        }

        Span<byte> bytes = stackalloc byte[length];
        stream.ReadExactly(bytes);
        foreach (var name in _names)
        {
            if (bytes.SequenceEqual(name.Utf8))
            {
                return name.Text;
            }
        }

        var text = Encoding.UTF8.GetString(bytes);
        Keep(text, bytes);
        return text;
    }

    private void Keep(string text, ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var names = _names;
            if (names.Length < MaxNames && !names.Any(name => name.Text == text))
            {
                _names = [.. names, new Name(bytes.ToArray(), text)];
            }
        }
    }

    private sealed record Name(byte[] Utf8, string Text);
}
