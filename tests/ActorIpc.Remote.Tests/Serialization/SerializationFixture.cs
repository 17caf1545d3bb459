using System.Buffers;
using ActorIpc.Hocon;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Registries from HOCON snippets, contexts with a fake codec, and a wire-like round trip.</summary>
internal static class SerializationFixture
{
    public static readonly Address Worker = new("actoripc.tcp", "worker", "host", 4000);

    public static readonly Address Evil = new("actoripc.tcp", "evil", "10.0.0.66", 4000);

    public const string TestMessagesBinding = """
        actoripc.actor.serialization-bindings {
          "ActorIpc.Remote.Tests.Serialization.ITestMessage, ActorIpc.Remote.Tests" = json
        }
        """;

    public static SerializationRegistry Registry(string hocon = TestMessagesBinding) => new(ConfigFactory.ParseString(hocon));

    public static SerializationContext Context(Address? remote = null) => new(new FakeActorRefCodec(), remote ?? Worker);

    /// <summary>What the wire does: pick the serializer, write id, manifest and payload; then read them back.</summary>
    public static (int SerializerId, string Manifest, byte[] Payload) Write(SerializationRegistry registry, object message, SerializationContext? context = null)
    {
        var serializer = registry.FindSerializerFor(message);
        var buffer = new ArrayBufferWriter<byte>();
        registry.Serialize(message, serializer, buffer, context ?? Context());
        return (serializer.Identifier, serializer.Manifest(message), buffer.WrittenSpan.ToArray());
    }

    public static object RoundTrip(SerializationRegistry registry, object message, SerializationContext? context = null)
    {
        context ??= Context();
        var (id, manifest, payload) = Write(registry, message, context);
        return registry.Deserialize(id, manifest, new ReadOnlySequence<byte>(payload), context);
    }
}
