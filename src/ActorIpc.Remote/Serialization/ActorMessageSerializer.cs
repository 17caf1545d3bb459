using System.Buffers;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// The runtime's own messages that cross processes: <see cref="Identify"/> and
/// <see cref="ActorIdentity"/> (so selections of remote paths resolve), and
/// <see cref="PoisonPill"/> and <see cref="Kill"/> (so a remote actor can be stopped). An
/// Identify's id travels as a nested payload of whatever type it is.
/// </summary>
internal sealed class ActorMessageSerializer(SerializationRegistry registry) : Serializer
{
    private const byte IdentifyTag = 1;
    private const byte ActorIdentityTag = 2;
    private const byte PoisonPillTag = 3;
    private const byte KillTag = 4;

    public override int Identifier => BuiltInSerializers.ActorMessagesId;

    public override bool IncludeManifest => false;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        switch (message)
        {
            case Identify identify:
                output.WriteByte(IdentifyTag);
                WriteId(identify.MessageId, output, context);
                break;
            case ActorIdentity identity:
                output.WriteByte(ActorIdentityTag);
                output.WriteNullableString(identity.Subject is null ? null : context.Codec.ToPath(identity.Subject));
                WriteId(identity.MessageId, output, context);
                break;
            case PoisonPill:
                output.WriteByte(PoisonPillTag);
                break;
            case Kill:
                output.WriteByte(KillTag);
                break;
            default:
                throw new ArgumentException($"{message.GetType()} is not one of the runtime's messages", nameof(message));
        }
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        var reader = new PayloadReader(bytes);
        object message;
        switch (reader.ReadByte())
        {
            case IdentifyTag:
                message = new Identify(ReadId(ref reader, context));
                break;
            case ActorIdentityTag:
                var subject = reader.ReadNullableString() is { } path ? context.Codec.FromPath(path) : null;
                message = new ActorIdentity(ReadId(ref reader, context), subject);
                break;
            case PoisonPillTag:
                message = PoisonPill.Instance;
                EnsureEnd(ref reader, message);
                break;
            case KillTag:
                message = Kill.Instance;
                EnsureEnd(ref reader, message);
                break;
            default:
                throw new InvalidDataException("unknown runtime message tag");
        }

        return message;
    }

    private void WriteId(object? id, IBufferWriter<byte> output, SerializationContext context)
    {
        output.WriteByte(id is null ? (byte)0 : (byte)1);
        if (id is not null)
        {
            NestedPayload.Write(registry, Identifier, id, output, context);
        }
    }

    // A nested id takes the rest of the payload; without one, nothing may follow.
    private object? ReadId(ref PayloadReader reader, SerializationContext context)
    {
        if (reader.ReadByte() != 0)
        {
            return NestedPayload.Read(registry, Identifier, ref reader, context);
        }

        EnsureEnd(ref reader, "an id");
        return null;
    }

    private static void EnsureEnd(ref PayloadReader reader, object what)
    {
        if (!reader.End)
        {
            throw new InvalidDataException($"unexpected bytes after {what}");
        }
    }
}
