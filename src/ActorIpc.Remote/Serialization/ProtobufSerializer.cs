using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Google.Protobuf messages in their own wire format, written straight into the frame buffer; the
/// manifest names the generated class, whose static <c>Parser</c> reads it back (cached per type).
/// </summary>
internal sealed class ProtobufSerializer : Serializer
{
    private readonly ConcurrentDictionary<Type, MessageParser> _parsers = new();

    public override int Identifier => BuiltInSerializers.ProtobufId;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        var protobuf = message as IMessage ?? throw new ArgumentException($"{message.GetType()} is not a Google.Protobuf message", nameof(message));
        protobuf.WriteTo(output);
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        var parser = _parsers.TryGetValue(type, out var cached) ? cached : _parsers.GetOrAdd(type, FindParser(type));
        return parser.ParseFrom(bytes);
    }

    private static MessageParser FindParser(Type type)
    {
        if (!typeof(IMessage).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"{type} is not a Google.Protobuf message");
        }

        return type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
            ?? throw new InvalidOperationException($"{type} has no public static Parser property (is it a generated message?)");
    }
}
