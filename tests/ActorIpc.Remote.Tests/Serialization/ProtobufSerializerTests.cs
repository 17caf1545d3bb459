using System.Buffers;
using Google.Protobuf.WellKnownTypes;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class ProtobufSerializerTests : SerializerContractTests
{
    protected override int ExpectedSerializerId => 3;

    protected override IReadOnlyList<object> Samples { get; } =
    [
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)),
        new StringValue { Value = "Zoë 🌍" },
        new StringValue(),
        new Struct
        {
            Fields =
            {
                ["name"] = Value.ForString("worker"),
                ["cores"] = Value.ForNumber(2),
                ["tags"] = Value.ForList(Value.ForString("a"), Value.ForBool(true), Value.ForNull()),
                ["nested"] = Value.ForStruct(new Struct { Fields = { ["depth"] = Value.ForNumber(1) } }),
            },
        },
    ];

    [Fact]
    public void Manifest_WellKnownType_IsGeneratedClassAndAssembly()
    {
        var message = new Timestamp();

        Assert.Equal("Google.Protobuf.WellKnownTypes.Timestamp, Google.Protobuf", Registry.FindSerializerFor(message).Manifest(message));
    }

    [Fact]
    public void Deserialize_ManifestOfANonProtobufType_ThrowsSerializationException()
    {
        var manifest = Registry.FindSerializerFor(new TestMessages.Ping(1)).Manifest(new TestMessages.Ping(1));

        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => Registry.Deserialize(3, manifest, ReadOnlySequence<byte>.Empty, SerializationFixture.Context()));

        Assert.Contains("is not a Google.Protobuf message", e.Message, StringComparison.Ordinal);
    }
}
