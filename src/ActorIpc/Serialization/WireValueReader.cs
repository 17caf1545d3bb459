using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>Reads one value written by <see cref="WireValueWriter"/>.</summary>
internal sealed class WireValueReader
{
    private readonly ExtendedActorSystem _system;
    private readonly Func<BinaryReader, int, ExceptionRecord> _readException;

    /// <summary>Creates the reader.</summary>
    /// <param name="system">The actor system whose serialization reads serialized values.</param>
    /// <param name="readException">Reads a nested exception record at a depth.</param>
    public WireValueReader(ExtendedActorSystem system, Func<BinaryReader, int, ExceptionRecord> readException)
    {
        _system = system;
        _readException = readException;
    }

    /// <summary>Reads a value.</summary>
    /// <param name="reader">Where from.</param>
    /// <param name="depth">The nesting depth of the record the value belongs to.</param>
    /// <returns>The value; one that does not deserialize here keeps only its text.</returns>
    /// <exception cref="SerializationException">The tag is unknown.</exception>
    public WireValue Read(BinaryReader reader, int depth)
    {
        var tag = (WireTag)reader.ReadByte();
        if (WirePrimitives.TryRead(tag, reader, out var direct))
        {
            return direct is null ? WireValue.Null : WireValue.Of(direct, WireValueWriter.TextOf(direct));
        }

        return tag switch
        {
            WireTag.Enum => ReadEnum(reader),
            WireTag.Serialized => ReadSerialized(reader),
            WireTag.Text => WireValue.TextOnly(reader.ReadString()),
            WireTag.Exception => ReadException(reader, depth),
            _ => throw new SerializationException($"unknown value tag {(byte)tag} in an exception record"),
        };
    }

    private static WireValue ReadEnum(BinaryReader reader)
    {
        var value = reader.ReadInt64();
        var name = reader.ReadString();
        return WireValue.Of(new WireEnum(value, name), name);
    }

    private WireValue ReadException(BinaryReader reader, int depth)
    {
        var record = _readException(reader, depth + 1);
        return WireValue.Of(record, $"{record.DisplayTypeName}: {record.DisplayMessage}");
    }

    private WireValue ReadSerialized(BinaryReader reader)
    {
        var serialized = WirePrimitives.ReadSerialized(reader);
        var text = reader.ReadString();

        try
        {
            return WireValue.Of(WirePrimitives.Deserialize(_system, serialized), text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The value's type is not allowed here, or not known here: its text stands in for it.
            return WireValue.TextOnly(text);
        }
    }
}
