using System.Runtime.Serialization;
using ActorIpc.Serialization;
using ActorIpc.Tests.Serialization;
using ActorIpc.Tests.Serialization.Hidden;
using ActorIpc.Tests.Serialization.Messages;

namespace ActorIpc.Tests.Broadcast;

public sealed class MessengerSerializerTests(SerializationFixture fixture) : IClassFixture<SerializationFixture>
{
    [Fact]
    public void ReferenceConfiguration_MessengerMessages_AreBoundToTheMessengerSerializerWithItsIdentifier()
    {
        foreach (var type in new[] { typeof(Delivery), typeof(Census), typeof(CensusReply) })
        {
            var serializer = fixture.System.Serialization.FindSerializerForType(type);
            Assert.IsType<MessengerSerializer>(serializer);
            Assert.Equal(740, serializer.Identifier);
        }
    }

    [Fact]
    public void RoundTrip_Delivery_ArrivesWithItsMessageStillSerializedWhichThenReadsBack()
    {
        var line = new TestMessages.Line(3, "apples");

        var delivery = fixture.RoundTrip<Delivery>(new Delivery("stock", DeliveryMode.One, line));

        Assert.Equal(("stock", DeliveryMode.One), (delivery.Topic, delivery.Mode));
        var serialized = Assert.IsType<SerializedMessage>(delivery.Message);
        Assert.Equal(line, fixture.System.Serialization.Deserialize(serialized.Bytes, serialized.SerializerId, serialized.Manifest));
    }

    [Fact]
    public void RoundTrip_DeliveryPassedOn_KeepsTheSerializedMessageAsItCame()
    {
        var first = fixture.RoundTrip<Delivery>(new Delivery("t", DeliveryMode.All, "text"));

        var second = fixture.RoundTrip<Delivery>(first);

        var (a, b) = ((SerializedMessage)first.Message, (SerializedMessage)second.Message);
        Assert.Equal((a.SerializerId, a.Manifest), (b.SerializerId, b.Manifest));
        Assert.Equal(a.Bytes, b.Bytes);
    }

    [Fact]
    public void RoundTrip_CensusAndReply_KeepTheirValues()
    {
        Assert.Equal(new Census("caché ünïcode"), fixture.RoundTrip<Census>(new Census("caché ünïcode")));
        Assert.Equal(new CensusReply(42), fixture.RoundTrip<CensusReply>(new CensusReply(42)));
    }

    [Fact]
    public void ToBinary_DeliveryOfATypeNotAllowed_IsRefusedNamingTheType()
    {
        var delivery = new Delivery("t", DeliveryMode.All, new HiddenTypes.Secret("no"));

        var error = Assert.Throws<TypeNotAllowedException>(() => SerializationFixture.Serialize(delivery, fixture.System));

        Assert.Equal(typeof(HiddenTypes.Secret).FullName, error.TypeName);
    }

    [Theory]
    [InlineData("D", "")]
    [InlineData("D", "02")]
    [InlineData("D", "01 01 74 07")]
    [InlineData("D", "01 01 74 00 01 00 00 00 01 41 05 00 00 00 61")]
    [InlineData("D", "01 01 74 00 01 00 00 00 01 41 FF FF FF FF")]
    [InlineData("R", "01 02")]
    [InlineData("C", "C3 28")]
    [InlineData("X", "00")]
    public void FromBinary_MalformedPayload_ThrowsSerializationException(string manifest, string hex)
    {
        var serializer = (MessengerSerializer)fixture.System.Serialization.FindSerializerForType(typeof(Delivery));
        var bytes = hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, manifest));
    }
}
