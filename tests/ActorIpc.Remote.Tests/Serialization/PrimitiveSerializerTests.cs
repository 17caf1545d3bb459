using System.Buffers;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class PrimitiveSerializerTests : SerializerContractTests
{
    protected override int ExpectedSerializerId => 1;

    protected override IReadOnlyList<object> Samples { get; } =
    [
        string.Empty, "hello", "Zoë 🌍 ünïcödé", new string('x', 5000),
        0, 1, -1, int.MinValue, int.MaxValue,
        0L, long.MinValue, long.MaxValue,
        0.0, -3.25, double.NaN, double.PositiveInfinity, double.Epsilon,
        true, false,
        Array.Empty<byte>(), new byte[] { 1, 2, 3, 255 }, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray(),
        new ReadOnlyMemory<byte>([9, 8, 7]),
        Guid.Parse("0d7c3c32-6a8e-4b52-9a44-8a1f1f9e3c11"),
    ];

    protected override void AssertEquivalent(object expected, object actual)
    {
        if (expected is ReadOnlyMemory<byte> memory)
        {
            Assert.True(memory.Span.SequenceEqual(Assert.IsType<ReadOnlyMemory<byte>>(actual).Span));
            return;
        }

        base.AssertEquivalent(expected, actual);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(-64, 2)]
    [InlineData(1_000_000, 4)]
    public void ToBinary_SmallInt_IsTagPlusVarint(int value, int expectedLength)
    {
        var (_, manifest, payload) = SerializationFixture.Write(Registry, value);

        Assert.Equal(string.Empty, manifest);
        Assert.Equal(expectedLength, payload.Length);
    }

    [Fact]
    public void ToBinary_AsciiString_IsTagPlusUtf8()
    {
        var (_, _, payload) = SerializationFixture.Write(Registry, "ping");

        Assert.Equal(5, payload.Length);
    }

    [Fact]
    public void Deserialize_UnknownTag_ThrowsSerializationExceptionNamingSender()
    {
        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => Registry.Deserialize(1, string.Empty, new ReadOnlySequence<byte>([200]), SerializationFixture.Context()));

        Assert.Equal("could not deserialize a payload (serializer primitive) from actoripc.tcp://worker@host:4000: unknown primitive tag 200", e.Message);
    }

    [Fact]
    public void Deserialize_BytesAfterInt_ThrowsSerializationException()
    {
        var (_, _, payload) = SerializationFixture.Write(Registry, 7);

        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => Registry.Deserialize(1, string.Empty, new ReadOnlySequence<byte>([.. payload, 0]), SerializationFixture.Context()));

        Assert.Contains("unexpected bytes after the value", e.Message, StringComparison.Ordinal);
    }
}
