using System.Runtime.Serialization;
using ActorIpc.Serialization;

namespace ActorIpc;

/// <summary>
/// The wire format of JSON calls and their answers (manifests <c>J</c> and <c>K</c> of
/// <see cref="PublishedObjectSerializer"/>): a version byte, then strings only. A call: whether it
/// names an interface, the interface, the method, the arguments' JSON. An answer: the outcome, the
/// text, whether it names an exception type, the type, the publisher and its process id.
/// </summary>
internal static class JsonCallCodec
{
    private const byte Version = 1;

    public static byte[] EncodeCall(PublishedObjectJsonCall call) => VersionedPayload.Write(Version, writer =>
    {
        WriteOptional(writer, call.Service);
        writer.Write(call.Method);
        writer.Write(call.Arguments);
    });

    /// <exception cref="SerializationException">The payload is malformed.</exception>
    public static PublishedObjectJsonCall DecodeCall(byte[] bytes) =>
        VersionedPayload.Read(bytes, Version, "a published object's JSON call", reader =>
            new PublishedObjectJsonCall(ReadOptional(reader), reader.ReadString(), reader.ReadString()));

    public static byte[] EncodeAnswer(PublishedObjectJsonAnswer answer) => VersionedPayload.Write(Version, writer =>
    {
        writer.Write((byte)answer.Outcome);
        writer.Write(answer.Text);
        WriteOptional(writer, answer.ExceptionType);
        writer.Write(answer.Publisher);
        writer.Write(answer.ProcessId);
    });

    /// <exception cref="SerializationException">The payload is malformed.</exception>
    public static PublishedObjectJsonAnswer DecodeAnswer(byte[] bytes) =>
        VersionedPayload.Read(bytes, Version, "a published object's JSON answer", reader =>
        {
            var outcome = (JsonCallOutcome)reader.ReadByte();
            if (!Enum.IsDefined(outcome))
            {
                throw new SerializationException($"a published object's JSON answer of unknown outcome {(byte)outcome}");
            }

            return new PublishedObjectJsonAnswer(outcome, reader.ReadString(), ReadOptional(reader), reader.ReadString(), reader.ReadInt32());
        });

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        writer.Write(text ?? "");
    }

    private static string? ReadOptional(BinaryReader reader)
    {
        var present = reader.ReadBoolean();
        var text = reader.ReadString();
        return present ? text : null;
    }
}
