using System.Diagnostics;
using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// The parts of ActorIpc's value encoding that its formats share (the exception format's values,
/// the arguments and results of published objects): a <see cref="WireTag"/> then the value for
/// <see langword="null"/>, strings and the base class library's primitives, which need no
/// serializer; and a value through the actor system's serialization as its serializer id, manifest
/// and bytes.
/// </summary>
internal static class WirePrimitives
{
    /// <summary>Writes <paramref name="value"/> with its tag when it is <see langword="null"/> or one of the directly written types.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether it was written; enums and every other type are not.</returns>
    public static bool TryWrite(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)WireTag.Null); break;
            case string v: writer.Write((byte)WireTag.String); writer.Write(v); break;
            case bool v: writer.Write((byte)WireTag.Boolean); writer.Write(v); break;
            case byte v: writer.Write((byte)WireTag.Byte); writer.Write(v); break;
            case sbyte v: writer.Write((byte)WireTag.SByte); writer.Write(v); break;
            case short v: writer.Write((byte)WireTag.Int16); writer.Write(v); break;
            case ushort v: writer.Write((byte)WireTag.UInt16); writer.Write(v); break;
            case int v: writer.Write((byte)WireTag.Int32); writer.Write(v); break;
            case uint v: writer.Write((byte)WireTag.UInt32); writer.Write(v); break;
            case long v: writer.Write((byte)WireTag.Int64); writer.Write(v); break;
            case ulong v: writer.Write((byte)WireTag.UInt64); writer.Write(v); break;
            case float v: writer.Write((byte)WireTag.Single); writer.Write(v); break;
            case double v: writer.Write((byte)WireTag.Double); writer.Write(v); break;
            case decimal v: writer.Write((byte)WireTag.Decimal); writer.Write(v); break;
            case char v: writer.Write((byte)WireTag.Char); writer.Write((ushort)v); break;
            case Guid v: writer.Write((byte)WireTag.Guid); writer.Write(v.ToByteArray()); break;
            case DateTime v: writer.Write((byte)WireTag.DateTime); writer.Write(v.ToBinary()); break;
            case DateTimeOffset v:
                writer.Write((byte)WireTag.DateTimeOffset);
                writer.Write(v.UtcTicks);
                writer.Write((short)v.Offset.TotalMinutes);
                break;
            case TimeSpan v: writer.Write((byte)WireTag.TimeSpan); writer.Write(v.Ticks); break;
            default: return false;
        }

        return true;
    }

    /// <summary>Reads the value after <paramref name="tag"/> when the tag is one <see cref="TryWrite"/> writes.</summary>
    /// <param name="tag">The tag already read.</param>
    /// <param name="reader">Where from.</param>
    /// <param name="value">The value; <see langword="null"/> for <see cref="WireTag.Null"/>.</param>
    /// <returns>Whether the tag is one of <see cref="TryWrite"/>'s.</returns>
    public static bool TryRead(WireTag tag, BinaryReader reader, out object? value)
    {
        // WireTag numbers the directly written types first, up to TimeSpan.
        if (tag > WireTag.TimeSpan)
        {
            value = null;
            return false;
        }

        value = tag switch
        {
            WireTag.Null => null,
            WireTag.String => reader.ReadString(),
            WireTag.Boolean => reader.ReadBoolean(),
            WireTag.Byte => reader.ReadByte(),
            WireTag.SByte => reader.ReadSByte(),
            WireTag.Int16 => reader.ReadInt16(),
            WireTag.UInt16 => reader.ReadUInt16(),
            WireTag.Int32 => reader.ReadInt32(),
            WireTag.UInt32 => reader.ReadUInt32(),
            WireTag.Int64 => reader.ReadInt64(),
            WireTag.UInt64 => reader.ReadUInt64(),
            WireTag.Single => reader.ReadSingle(),
            WireTag.Double => reader.ReadDouble(),
            WireTag.Decimal => reader.ReadDecimal(),
            WireTag.Char => (char)reader.ReadUInt16(),
            WireTag.Guid => new Guid(reader.ReadBytes(16)),
            WireTag.DateTime => DateTime.FromBinary(reader.ReadInt64()),
            WireTag.DateTimeOffset => ReadDateTimeOffset(reader),
            WireTag.TimeSpan => TimeSpan.FromTicks(reader.ReadInt64()),
            _ => throw new UnreachableException(),
        };
        return true;
    }

    /// <summary>Serializes <paramref name="value"/> with the serializer the actor system binds its type to.</summary>
    /// <param name="system">The actor system whose serialization writes the value.</param>
    /// <param name="value">The value.</param>
    /// <returns>The serializer id, the manifest and the bytes, for <see cref="WriteSerialized"/>.</returns>
    /// <exception cref="Exception">The serializer's own, e.g. a <see cref="TypeNotAllowedException"/>.</exception>
    public static (int SerializerId, string Manifest, byte[] Bytes) Serialize(ExtendedActorSystem system, object value)
    {
        var serializer = system.Serialization.FindSerializerFor(value);
        var bytes = serializer.ToBinary(value);
        return (serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, value), bytes);
    }

    /// <summary>Writes a serialized value without a tag: the serializer id (Int32), the manifest (string), the length (7-bit encoded) and the bytes.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="serialized">What <see cref="Serialize"/> returned.</param>
    public static void WriteSerialized(BinaryWriter writer, (int SerializerId, string Manifest, byte[] Bytes) serialized)
    {
        writer.Write(serialized.SerializerId);
        writer.Write(serialized.Manifest);
        writer.Write7BitEncodedInt(serialized.Bytes.Length);
        writer.Write(serialized.Bytes);
    }

    /// <summary>Reads what <see cref="WriteSerialized"/> wrote, without deserializing it.</summary>
    /// <param name="reader">Where from.</param>
    /// <returns>The serializer id, the manifest and the bytes.</returns>
    /// <exception cref="EndOfStreamException">The length is negative or longer than what is left.</exception>
    public static (int SerializerId, string Manifest, byte[] Bytes) ReadSerialized(BinaryReader reader)
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

        return (serializerId, manifest, reader.ReadBytes(length));
    }

    /// <summary>Deserializes what <see cref="ReadSerialized"/> read.</summary>
    /// <param name="system">The actor system whose serialization reads the value.</param>
    /// <param name="serialized">The serializer id, the manifest and the bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="Exception">The serializer's own, e.g. a <see cref="TypeNotAllowedException"/>, or a <see cref="SerializationException"/> for an unknown serializer.</exception>
    public static object Deserialize(ExtendedActorSystem system, (int SerializerId, string Manifest, byte[] Bytes) serialized) =>
        system.Serialization.Deserialize(serialized.Bytes, serialized.SerializerId, serialized.Manifest);

    private static DateTimeOffset ReadDateTimeOffset(BinaryReader reader)
    {
        var utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(offset);
    }
}
