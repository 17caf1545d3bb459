using System.Buffers;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// <see cref="Status.Success"/> and <see cref="Status.Failure"/>: a tag, then the result or cause
/// as a nested payload (serializer id, manifest, bytes) written by whichever serializer its type is
/// bound to, and read back through the registry with the same allow checks as a top-level message.
/// A failure's cause arrives rebuilt by the exception serializer, so an Ask rethrows the remote error.
/// </summary>
internal sealed class StatusSerializer : Serializer
{
    private const byte SuccessWithoutResultTag = 0;
    private const byte SuccessTag = 1;
    private const byte FailureTag = 2;

    private readonly SerializationRegistry _registry;

    public StatusSerializer(SerializationRegistry registry)
    {
        _registry = registry;
    }

    public override int Identifier => BuiltInSerializers.StatusId;

    public override bool IncludeManifest => false;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        switch (message)
        {
            case Status.Success { Result: null }:
                output.WriteByte(SuccessWithoutResultTag);
                break;
            case Status.Success success:
                output.WriteByte(SuccessTag);
                WriteNested(success.Result, output, context);
                break;
            case Status.Failure failure:
                output.WriteByte(FailureTag);
                WriteNested(failure.Cause, output, context);
                break;
            default:
                throw new ArgumentException($"{message.GetType()} is not a Status.Success or Status.Failure", nameof(message));
        }
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        var reader = new PayloadReader(bytes);
        var tag = reader.ReadByte();
        if (tag == SuccessWithoutResultTag)
        {
            return reader.End ? new Status.Success(null) : throw new InvalidDataException("unexpected bytes after an empty Status.Success");
        }

        if (tag is not (SuccessTag or FailureTag))
        {
            throw new InvalidDataException($"unknown status tag {tag}");
        }

        var value = NestedPayload.Read(_registry, Identifier, ref reader, context);
        return tag == SuccessTag
            ? new Status.Success(value)
            : new Status.Failure(value as Exception ?? throw new InvalidDataException($"the cause of a Status.Failure is a {value.GetType()}, not an exception"));
    }

    private void WriteNested(object value, IBufferWriter<byte> output, SerializationContext context) =>
        NestedPayload.Write(_registry, Identifier, value, output, context);
}
