using System.Buffers;
using System.Text;
using System.Text.Json;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class JsonMessageSerializerTests : SerializerContractTests
{
    private static readonly ActorPath SystemRoot = ActorPath.CreateRoot(SerializationFixture.Worker);

    protected override int ExpectedSerializerId => 2;

    protected override IReadOnlyList<object> Samples { get; } =
    [
        TestMessages.SampleOrder(),
        TestMessages.SampleOrder() with { BillTo = new TestMessages.ShippingAddress("PO Box 7", "Shelbyville", null), Discount = null, Lines = [], Tags = [] },
        new TestMessages.Ping(42),
        new TestMessages.Envelope<TestMessages.Ping>("k", new TestMessages.Ping(1)),
        new TestMessages.Envelope<List<int>>("numbers", [1, 2, 3]),
        new TestMessages.MutableClass { Name = "counter", Values = [4, 5] },
        new TestMessages.WithReferences(
            new FakeActorRef((SystemRoot / "user" / "replies").WithUid(17)),
            null,
            [new FakeActorRef(SystemRoot / "user" / "a"), new FakeActorRef(SystemRoot / "user" / "b")],
            SystemRoot / "user" / "origin"),
    ];

    // Records holding lists or dictionaries compare those by reference, so compare what the JSON says instead.
    protected override void AssertEquivalent(object expected, object actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), PlainOptions), JsonSerializer.Serialize(actual, actual.GetType(), PlainOptions));
    }

    private static readonly JsonSerializerOptions PlainOptions = new() { Converters = { new RefAsPathConverter(), new PathAsTextConverter() } };

    [Fact]
    public void Deserialize_NestedRecordsListsDictionariesNullables_AllValuesSurvive()
    {
        var order = TestMessages.SampleOrder();

        var copy = Assert.IsType<TestMessages.Order>(SerializationFixture.RoundTrip(Registry, order));

        Assert.Equal(order.ShipTo, copy.ShipTo);
        Assert.Null(copy.BillTo);
        Assert.Equal(order.Lines, copy.Lines);
        Assert.Equal(order.Tags, copy.Tags);
        Assert.Equal(order.PlacedAt, copy.PlacedAt);
        Assert.Equal(0.15, copy.Discount);
        Assert.Equal("Zoë Müller", copy.Customer);
    }

    [Fact]
    public void Deserialize_ActorRefsInside_TravelAsPathsThroughTheCodec()
    {
        var codec = new FakeActorRefCodec();
        var context = new SerializationContext(codec, SerializationFixture.Worker);
        var replyTo = new FakeActorRef((SystemRoot / "user" / "replies").WithUid(17));
        var message = new TestMessages.WithReferences(replyTo, null, [], SystemRoot / "user");

        var (id, manifest, payload) = SerializationFixture.Write(Registry, message, context);
        var copy = Assert.IsType<TestMessages.WithReferences>(Registry.Deserialize(id, manifest, new ReadOnlySequence<byte>(payload), context));

        Assert.Equal(["actoripc.tcp://worker@host:4000/user/replies#17"], codec.Written);
        Assert.Equal(["actoripc.tcp://worker@host:4000/user/replies#17"], codec.Read);
        Assert.Contains("\"ReplyTo\":\"actoripc.tcp://worker@host:4000/user/replies#17\"", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.Equal(replyTo, copy.ReplyTo);
        Assert.Equal(17, copy.ReplyTo.Path.Uid);
        Assert.Null(copy.Optional);
    }

    [Fact]
    public void Manifest_Record_IsFullNameAndAssemblyWithoutVersion()
    {
        var message = new TestMessages.Ping(1);

        Assert.Equal("ActorIpc.Remote.Tests.Serialization.TestMessages+Ping, ActorIpc.Remote.Tests", Registry.FindSerializerFor(message).Manifest(message));
    }

    [Fact]
    public void Manifest_GenericRecord_NamesTypeArgumentsWithoutVersion()
    {
        var message = new TestMessages.Envelope<TestMessages.Ping>("k", new TestMessages.Ping(1));

        Assert.Equal(
            "ActorIpc.Remote.Tests.Serialization.TestMessages+Envelope`1[[ActorIpc.Remote.Tests.Serialization.TestMessages+Ping, ActorIpc.Remote.Tests]], ActorIpc.Remote.Tests",
            Registry.FindSerializerFor(message).Manifest(message));
    }

    [Fact]
    public void Deserialize_MalformedJson_ThrowsSerializationExceptionNamingManifestAndSender()
    {
        var manifest = Registry.FindSerializerFor(new TestMessages.Ping(1)).Manifest(new TestMessages.Ping(1));

        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => Registry.Deserialize(2, manifest, new ReadOnlySequence<byte>("{\"Sequence\":"u8.ToArray()), SerializationFixture.Context()));

        Assert.StartsWith($"could not deserialize '{manifest}' (serializer json) from actoripc.tcp://worker@host:4000: ", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
    }

    [Fact]
    public async Task Deserialize_ManyThreadsWithTheirOwnContexts_EachUsesItsOwnCodec()
    {
        var message = new TestMessages.WithReferences(new FakeActorRef(SystemRoot / "user" / "x"), null, [], SystemRoot);
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var codec = new FakeActorRefCodec();
            var context = new SerializationContext(codec, SerializationFixture.Worker);
            for (var i = 0; i < 200; i++)
            {
                SerializationFixture.RoundTrip(Registry, message, context);
            }

            return codec;
        }));

        foreach (var codec in await Task.WhenAll(tasks))
        {
            Assert.Equal(200, codec.Written.Count);
            Assert.Equal(200, codec.Read.Count);
        }
    }

    /// <summary>Renders references by path so that the comparison needs no codec.</summary>
    private sealed class RefAsPathConverter : System.Text.Json.Serialization.JsonConverter<IActorRef>
    {
        public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) => writer.WriteStringValue(value.Path.ToStringWithUid());
    }

    /// <summary>Renders paths as text (their object graph has cycles through Root).</summary>
    private sealed class PathAsTextConverter : System.Text.Json.Serialization.JsonConverter<ActorPath>
    {
        public override ActorPath Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, ActorPath value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToStringWithUid());
    }
}
