using System.Buffers;
using System.Text;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Strings, numbers, booleans, byte buffers and GUIDs in a tag byte plus the value: UTF-8 for
/// strings, zigzag varints for integers, raw bytes for buffers. No manifest: the tag says the type.
/// </summary>
internal sealed class PrimitiveSerializer : Serializer
{
    // Below this many chars one GetSpan holds tag and text, so a short string costs a single write.
    private const int SingleSpanChars = 1024;

    // The same for byte buffers: a small one is one GetSpan and one Advance with its tag.
    private const int SingleSpanBytes = 4096;

    private const byte StringTag = 1;
    private const byte Int32Tag = 2;
    private const byte Int64Tag = 3;
    private const byte DoubleTag = 4;
    private const byte BooleanTag = 5;
    private const byte ByteArrayTag = 6;
    private const byte MemoryTag = 7;
    private const byte GuidTag = 8;

    /// <summary>The types this serializer handles, bound to it by default.</summary>
    public static IReadOnlyList<Type> SupportedTypes { get; } =
        [typeof(string), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(byte[]), typeof(ReadOnlyMemory<byte>), typeof(Guid)];

    public override int Identifier => BuiltInSerializers.PrimitiveId;

    public override bool IncludeManifest => false;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        switch (message)
        {
            case string text when text.Length <= SingleSpanChars:
                var span = output.GetSpan(1 + Encoding.UTF8.GetMaxByteCount(text.Length));
                span[0] = StringTag;
                output.Advance(1 + Encoding.UTF8.GetBytes(text, span[1..]));
                break;
            case string text:
                output.WriteByte(StringTag);
                Encoding.UTF8.GetBytes(text, output);
                break;
            case int number:
                output.WriteByte(Int32Tag);
                output.WriteVarInt64(number);
                break;
            case long number:
                output.WriteByte(Int64Tag);
                output.WriteVarInt64(number);
                break;
            case double number:
                output.WriteByte(DoubleTag);
                output.WriteDouble(number);
                break;
            case bool flag:
                output.WriteByte(BooleanTag);
                output.WriteByte(flag ? (byte)1 : (byte)0);
                break;
            case byte[] bytes:
                WriteTagged(output, ByteArrayTag, bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                WriteTagged(output, MemoryTag, memory.Span);
                break;
            case Guid guid:
                output.WriteByte(GuidTag);
                output.WriteGuid(guid);
                break;
            default:
                throw new ArgumentException($"the primitive serializer does not handle {message.GetType()}", nameof(message));
        }
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        // Buffers and text in one segment (almost all of them) are taken from its span, without
        // a sequence reader; the reader below gives the same values and errors.
        if (bytes.IsSingleSegment && bytes.FirstSpan is [var first, .. var rest])
        {
            switch (first)
            {
                case ByteArrayTag:
                    return rest.ToArray();
                case StringTag:
                    return Encoding.UTF8.GetString(rest);
                case MemoryTag:
                    return new ReadOnlyMemory<byte>(rest.ToArray());
            }
        }

        var reader = new PayloadReader(bytes);
        var tag = reader.ReadByte();
        object value = tag switch
        {
            StringTag => Encoding.UTF8.GetString(reader.Rest),
            Int32Tag => reader.ReadVarInt32(),
            Int64Tag => reader.ReadVarInt64(),
            DoubleTag => reader.ReadDouble(),
            BooleanTag => reader.ReadByte() switch
            {
                0 => false,
                1 => true,
                var other => throw new InvalidDataException($"invalid boolean byte {other}"),
            },
            ByteArrayTag => reader.Rest.ToArray(),
            MemoryTag => new ReadOnlyMemory<byte>(reader.Rest.ToArray()),
            GuidTag => reader.ReadGuid(),
            _ => throw new InvalidDataException($"unknown primitive tag {tag}"),
        };

        // Strings and buffers take the rest of the payload; anything left after a fixed-size value is corruption.
        if (tag is not (StringTag or ByteArrayTag or MemoryTag) && !reader.End)
        {
            throw new InvalidDataException("unexpected bytes after the value");
        }

        return value;
    }

    // A buffer after its tag: a small one with a single GetSpan and Advance.
    private static void WriteTagged(IBufferWriter<byte> output, byte tag, ReadOnlySpan<byte> value)
    {
        if (value.Length <= SingleSpanBytes)
        {
            var target = output.GetSpan(1 + value.Length);
            target[0] = tag;
            value.CopyTo(target[1..]);
            output.Advance(1 + value.Length);
            return;
        }

        output.WriteByte(tag);
        output.Write(value);
    }
}
