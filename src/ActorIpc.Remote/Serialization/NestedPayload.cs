using System.Buffers;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// A value carried inside another message's payload (a Status's result, an Identify's id): its
/// serializer id, manifest and bytes, written by whichever serializer its type is bound to and
/// read back through the registry with the same allow checks as a top-level message. It always
/// comes last in the outer payload, so its bytes need no length.
/// </summary>
internal static class NestedPayload
{
    /// <summary>Writes <paramref name="value"/>; a value the outer serializer itself handles is refused (no nesting of the same kind).</summary>
    public static void Write(SerializationRegistry registry, int outerId, object value, IBufferWriter<byte> output, SerializationContext context)
    {
        var serializer = registry.FindSerializerFor(value);
        if (serializer.Identifier == outerId)
        {
            throw new ArgumentException($"a {value.GetType().Name} cannot be nested in a message of its own serializer", nameof(value));
        }

        output.WriteVarInt64(serializer.Identifier);
        output.WriteString(serializer.Manifest(value));
        serializer.ToBinary(value, output, context);
    }

    /// <summary>Reads the rest of <paramref name="reader"/> as a nested value; refusing the outer serializer's own id bounds the recursion a hostile payload could ask for.</summary>
    public static object Read(SerializationRegistry registry, int outerId, ref PayloadReader reader, SerializationContext context)
    {
        var serializerId = reader.ReadVarInt32();
        if (serializerId == outerId)
        {
            throw new InvalidDataException("a message cannot nest another message of its own serializer");
        }

        var manifest = reader.ReadString();
        return registry.Deserialize(serializerId, manifest, reader.Rest, context);
    }
}
