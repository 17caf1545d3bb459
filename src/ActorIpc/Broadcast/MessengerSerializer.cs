using System.Buffers.Binary;
using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc;

/// <summary>
/// Akka.NET's serializer for the messages between nodes' messengers: a <see cref="Delivery"/> (its
/// topic, its mode, and the caller's message as the serializer Akka binds to its type wrote it, so
/// the message meets the same allow-list as any other), a <see cref="Census"/> and a
/// <see cref="CensusReply"/>. A delivery arrives with its message still serialized; the messenger
/// reads it only where the topic has subscribers. Registered in ActorIpc's reference configuration
/// (identifier 740).
/// </summary>
internal sealed class MessengerSerializer : SerializerWithStringManifest
{
    private const string DeliveryManifest = "D";
    private const string CensusManifest = "C";
    private const string ReplyManifest = "R";
    private const byte FormatVersion = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates the serializer for <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    public MessengerSerializer(ExtendedActorSystem system)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(system);
    }

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        Delivery => DeliveryManifest,
        Census => CensusManifest,
        CensusReply => ReplyManifest,
        _ => throw Unsupported(o),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        Delivery delivery => Write(delivery),
        Census census => Utf8.GetBytes(census.Topic),
        CensusReply reply => Int32(reply.Count),
        _ => throw Unsupported(obj),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return manifest switch
            {
                DeliveryManifest => ReadDelivery(bytes),
                CensusManifest => new Census(Utf8.GetString(bytes)),
                ReplyManifest when bytes.Length == sizeof(int) => new CensusReply(BinaryPrimitives.ReadInt32LittleEndian(bytes)),
                ReplyManifest => throw Malformed($"a census reply is {sizeof(int)} bytes, not {bytes.Length}"),
                _ => throw new SerializationException($"unknown manifest '{manifest}' for {nameof(MessengerSerializer)}; expected '{DeliveryManifest}', '{CensusManifest}' or '{ReplyManifest}'"),
            };
        }
        catch (Exception e) when (e is IOException or DecoderFallbackException or FormatException)
        {
            throw Malformed(e.Message, e);
        }
    }

    private byte[] Write(Delivery delivery)
    {
        var (serializerId, manifest, payload) = delivery.Message is SerializedMessage serialized
            ? (serialized.SerializerId, serialized.Manifest, serialized.Bytes)
            : Serialize(delivery.Message);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Utf8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(delivery.Topic);
            writer.Write((byte)delivery.Mode);
            writer.Write(serializerId);
            writer.Write(manifest);
            writer.Write(payload.Length);
            writer.Write(payload);
        }

        return stream.ToArray();
    }

    // The caller's message goes through the serializer Akka binds to its type (Hyperion with the
    // allow-list for the application's types): a type not allowed is refused here, not sent.
    private (int SerializerId, string Manifest, byte[] Payload) Serialize(object message)
    {
        var serializer = system.Serialization.FindSerializerFor(message);
        return (serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message), serializer.ToBinary(message));
    }

    private static Delivery ReadDelivery(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Utf8);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw Malformed($"format version {version}, expected {FormatVersion}");
        }

        var topic = reader.ReadString();
        var mode = reader.ReadByte();
        if (!Enum.IsDefined((DeliveryMode)mode))
        {
            throw Malformed($"delivery mode {mode}");
        }

        var serializerId = reader.ReadInt32();
        var manifest = reader.ReadString();
        var length = reader.ReadInt32();

        // Checked before reading: ReadBytes would allocate the length it is given first.
        if (length < 0 || length != bytes.Length - reader.BaseStream.Position)
        {
            throw Malformed($"a payload of {length} bytes where {bytes.Length - reader.BaseStream.Position} remain");
        }

        return new Delivery(topic, (DeliveryMode)mode, new SerializedMessage(serializerId, manifest, reader.ReadBytes(length)));
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static SerializationException Malformed(string reason, Exception? inner = null) =>
        new($"malformed messenger message: {reason}", inner);

    private static ArgumentException Unsupported(object? o) =>
        new($"{nameof(MessengerSerializer)} writes the messenger's own messages, not {o?.GetType().FullName ?? "null"}", nameof(o));
}
