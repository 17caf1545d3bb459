using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>The helper behind <c>actoripc.actor.serialize-messages</c>: local messages cross a pretend wire so tests catch unserializable ones.</summary>
public sealed class RoundTripTests
{
    private readonly SerializationRegistry _registry = SerializationFixture.Registry(SerializationFixture.TestMessagesBinding + "\nactoripc.actor.serialize-messages = on");

    [Fact]
    public void RoundTrip_SerializableMessage_ReturnsAnEqualCopy()
    {
        var message = new TestMessages.Ping(5);

        var copy = _registry.RoundTrip(message, SerializationFixture.Context());

        Assert.Equal(message, copy);
        Assert.NotSame(message, copy);
    }

    [Fact]
    public void RoundTrip_UnboundMessage_ThrowsNamingTheSettingTheTypeAndHowToBindIt()
    {
        var e = Assert.Throws<SerializationException>(() => _registry.RoundTrip(new BindingShapes.Unbound("x"), SerializationFixture.Context()));

        Assert.StartsWith(
            "actoripc.actor.serialize-messages is on and a message of type ActorIpc.Remote.Tests.Serialization.BindingShapes+Unbound, ActorIpc.Remote.Tests would not survive crossing to another process: no serializer is bound to",
            e.Message,
            StringComparison.Ordinal);
        Assert.Contains("actoripc.actor.serialization-bindings", e.Message, StringComparison.Ordinal);
        Assert.IsType<SerializationException>(e.InnerException);
    }

    [Fact]
    public void RoundTrip_MessageWithUnserializableMember_ThrowsWithTheSerializerAndCause()
    {
        var message = new TestMessages.WithDelegate("callback", () => 1);

        var e = Assert.Throws<SerializationException>(() => _registry.RoundTrip(message, SerializationFixture.Context()));

        Assert.Contains("a message of type ActorIpc.Remote.Tests.Serialization.TestMessages+WithDelegate, ActorIpc.Remote.Tests would not survive", e.Message, StringComparison.Ordinal);
        Assert.Contains("could not serialize ActorIpc.Remote.Tests.Serialization.TestMessages+WithDelegate, ActorIpc.Remote.Tests (serializer json)", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.InnerException?.InnerException);
    }

    [Fact]
    public void RoundTrip_ExceptionMessage_ComesBackRebuilt()
    {
        var copy = _registry.RoundTrip(new TimeoutException("slow"), SerializationFixture.Context());

        Assert.Equal("slow", Assert.IsType<TimeoutException>(copy).Message);
    }
}
