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
        return tag switch
        {
            WireTag.Null => WireValue.Null,
            WireTag.String => Direct(reader.ReadString()),
            WireTag.Boolean => Direct(reader.ReadBoolean()),
            WireTag.Byte => Direct(reader.ReadByte()),
            WireTag.SByte => Direct(reader.ReadSByte()),
            WireTag.Int16 => Direct(reader.ReadInt16()),
            WireTag.UInt16 => Direct(reader.ReadUInt16()),
            WireTag.Int32 => Direct(reader.ReadInt32()),
            WireTag.UInt32 => Direct(reader.ReadUInt32()),
            WireTag.Int64 => Direct(reader.ReadInt64()),
            WireTag.UInt64 => Direct(reader.ReadUInt64()),
            WireTag.Single => Direct(reader.ReadSingle()),
            WireTag.Double => Direct(reader.ReadDouble()),
            WireTag.Decimal => Direct(reader.ReadDecimal()),
            WireTag.Char => Direct((char)reader.ReadUInt16()),
            WireTag.Guid => Direct(new Guid(reader.ReadBytes(16))),
            WireTag.DateTime => Direct(DateTime.FromBinary(reader.ReadInt64())),
            WireTag.DateTimeOffset => Direct(ReadDateTimeOffset(reader)),
            WireTag.TimeSpan => Direct(TimeSpan.FromTicks(reader.ReadInt64())),
            WireTag.Enum => ReadEnum(reader),
            WireTag.Serialized => ReadSerialized(reader),
            WireTag.Text => WireValue.TextOnly(reader.ReadString()),
            WireTag.Exception => ReadException(reader, depth),
            _ => throw new SerializationException($"unknown value tag {(byte)tag} in an exception record"),
        };
    }

    private static WireValue Direct(object value) => WireValue.Of(value, WireValueWriter.TextOf(value));

    private static DateTimeOffset ReadDateTimeOffset(BinaryReader reader)
    {
        var utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(offset);
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
        var serializerId = reader.ReadInt32();
        var manifest = reader.ReadString();
        var length = reader.Read7BitEncodedInt();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (length < 0 || length > left)
        {
            // Checked before reading: ReadBytes allocates the whole length first.
            throw new EndOfStreamException($"a serialized value of {length} bytes in a payload with {left} left");
        }

        var bytes = reader.ReadBytes(length);
        var text = reader.ReadString();

        try
        {
            return WireValue.Of(_system.Serialization.Deserialize(bytes, serializerId, manifest), text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The value's type is not allowed here, or not known here: its text stands in for it.
            return WireValue.TextOnly(text);
        }
    }
}
