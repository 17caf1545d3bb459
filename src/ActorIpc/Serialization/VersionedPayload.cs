using System.Runtime.Serialization;
using System.Text;

namespace ActorIpc.Serialization;

/// <summary>
/// A payload of one of ActorIpc's binary formats (exceptions, published objects' calls): a
/// version byte, then what the format writes with a <see cref="BinaryWriter"/> (strings in UTF-8).
/// Reading checks the version and reports a payload that ends early or does not parse as a
/// <see cref="SerializationException"/>, which Akka.Remote logs while it keeps the connection.
/// </summary>
internal static class VersionedPayload
{
    /// <summary>Writes <paramref name="version"/>, then what <paramref name="write"/> writes.</summary>
    public static byte[] Write(byte version, Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(version);
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a payload of <paramref name="version"/> with <paramref name="read"/>.</summary>
    /// <param name="bytes">The payload.</param>
    /// <param name="version">The version this process reads.</param>
    /// <param name="what">The payload as errors name it, e.g. <c>an exception payload</c>.</param>
    /// <param name="read">Reads what follows the version.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    /// <exception cref="SerializationException">Another version, or a malformed payload.</exception>
    public static T Read<T>(byte[] bytes, byte version, string what, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var found = reader.ReadByte();
            return found == version
                ? read(reader)
                : throw new SerializationException($"{what} of format version {found}; this process reads version {version}");
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            throw new SerializationException($"{what} of {bytes.Length} bytes is malformed: {e.Message}", e);
        }
    }
}
