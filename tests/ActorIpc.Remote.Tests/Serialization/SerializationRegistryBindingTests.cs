using ActorIpc.Hocon;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class SerializationRegistryBindingTests
{
    private const string Shapes = "ActorIpc.Remote.Tests.Serialization.BindingShapes";

    [Fact]
    public void FindSerializerFor_ExactAndBaseClassBound_ExactWins()
    {
        var registry = Bind(("EventBase", "json"), ("Exact", "primitive"));

        Assert.Equal(1, registry.FindSerializerFor(typeof(BindingShapes.Exact)).Identifier);
        Assert.Equal(2, registry.FindSerializerFor(typeof(BindingShapes.Created)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_InterfaceBound_ImplementingTypeUsesIt()
    {
        var registry = Bind(("IEvent", "json"));

        Assert.Equal(2, registry.FindSerializerFor(typeof(BindingShapes.OnlyDomain)).Identifier);
        Assert.Equal(2, registry.FindSerializerFor(typeof(BindingShapes.Created)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_BaseClassAndInterfaceBound_BaseClassWins()
    {
        var registry = Bind(("IDomainEvent", "proto"), ("EventBase", "json"));

        Assert.Equal(2, registry.FindSerializerFor(typeof(BindingShapes.Created)).Identifier);
        Assert.Equal(3, registry.FindSerializerFor(typeof(BindingShapes.OnlyDomain)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_BaseAndDerivedInterfaceBound_DerivedInterfaceWins()
    {
        var registry = Bind(("IEvent", "json"), ("IDomainEvent", "primitive"));

        Assert.Equal(1, registry.FindSerializerFor(typeof(BindingShapes.OnlyDomain)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_ObjectAndInterfaceBound_InterfaceWinsObjectCatchesTheRest()
    {
        var registry = SerializationFixture.Registry($$"""
            actoripc.actor.serialization-bindings { "System.Object" = primitive, "{{Shapes}}+IEvent, ActorIpc.Remote.Tests" = json }
            """);

        Assert.Equal(2, registry.FindSerializerFor(typeof(BindingShapes.OnlyDomain)).Identifier);
        Assert.Equal(1, registry.FindSerializerFor(typeof(BindingShapes.Unbound)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_UnrelatedInterfacesBoundToDifferentSerializers_ThrowsAmbiguous()
    {
        var registry = Bind(("IAudited", "json"), ("IUnrelated", "proto"));

        var e = Assert.Throws<SerializationException>(() => registry.FindSerializerFor(typeof(BindingShapes.AuditedAndUnrelated)));

        Assert.Equal(
            $"cannot choose a serializer for {Shapes}+AuditedAndUnrelated, ActorIpc.Remote.Tests: it implements {Shapes}+IAudited (json) and {Shapes}+IUnrelated (proto), bound to different serializers; bind the type itself in actoripc.actor.serialization-bindings",
            e.Message);
    }

    [Fact]
    public void FindSerializerFor_UnboundType_ThrowsNamingTheTypeAndTheConfigPath()
    {
        var registry = SerializationFixture.Registry();

        var e = Assert.Throws<SerializationException>(() => registry.FindSerializerFor(new BindingShapes.Unbound("x")));

        Assert.Equal(
            $"no serializer is bound to {Shapes}+Unbound, ActorIpc.Remote.Tests: bind it, a base class or an interface it implements in actoripc.actor.serialization-bindings, e.g. \"{Shapes}+Unbound, ActorIpc.Remote.Tests\" = json",
            e.Message);
        Assert.Null(e.SerializerId);
    }

    [Fact]
    public void FindSerializerFor_BuiltInTypes_BoundByDefault()
    {
        var registry = SerializationFixture.Registry(string.Empty);

        Assert.Equal(1, registry.FindSerializerFor("text").Identifier);
        Assert.Equal(1, registry.FindSerializerFor(new ReadOnlyMemory<byte>([1])).Identifier);
        Assert.Equal(3, registry.FindSerializerFor(new Google.Protobuf.WellKnownTypes.Empty()).Identifier);
        Assert.Equal(4, registry.FindSerializerFor(new InvalidDataException()).Identifier);
        Assert.Equal(5, registry.FindSerializerFor(new Status.Success(1)).Identifier);
    }

    [Fact]
    public void FindSerializerFor_ConfigBindsABuiltInType_ConfigWins()
    {
        var registry = SerializationFixture.Registry("""actoripc.actor.serialization-bindings { "System.String" = json }""");

        Assert.Equal(2, registry.FindSerializerFor("text").Identifier);
        Assert.Equal("text", SerializationFixture.RoundTrip(registry, "text"));
    }

    [Fact]
    public void Deserialize_UserSerializerRegisteredInHocon_RoundTrips()
    {
        var registry = SerializationFixture.Registry($$"""
            actoripc.actor {
              serializers { shout = "{{Shapes}}+ShoutSerializer, ActorIpc.Remote.Tests" }
              serialization-bindings { "{{Shapes}}+Shout, ActorIpc.Remote.Tests" = shout }
            }
            """);

        var copy = SerializationFixture.RoundTrip(registry, new BindingShapes.Shout("hello"));

        Assert.Equal(4242, registry.FindSerializerFor(typeof(BindingShapes.Shout)).Identifier);
        Assert.Equal(new BindingShapes.Shout("HELLO"), copy);
    }

    [Fact]
    public void Constructor_SerializeMessages_ReadFromConfigAndOffByDefault()
    {
        Assert.False(SerializationFixture.Registry(string.Empty).SerializeMessages);
        Assert.True(SerializationFixture.Registry("actoripc.actor.serialize-messages = on").SerializeMessages);
    }

    [Theory]
    [InlineData("serializers { mine = \"" + Shapes + "+ReservedIdSerializer, ActorIpc.Remote.Tests\" }",
        "ids 0-99 are reserved for ActorIpc: pick 100 or more at actoripc.actor.serializers.\"mine\" (string:2:")]
    [InlineData("serializers { a = \"" + Shapes + "+ShoutSerializer, ActorIpc.Remote.Tests\", b = \"" + Shapes + "+ShoutSerializer, ActorIpc.Remote.Tests\" }",
        "has id 4242, already used by the serializer \"a\" at actoripc.actor.serializers.\"b\"")]
    [InlineData("serializers { json = \"" + Shapes + "+ShoutSerializer, ActorIpc.Remote.Tests\" }",
        "the serializer name \"json\" is reserved for the built-in JsonMessageSerializer; register yours under another name")]
    [InlineData("serializers { x = \"MyApp.Missing, MyApp\" }",
        "the type \"MyApp.Missing, MyApp\" was not found (give \"Namespace.Type, Assembly\") at actoripc.actor.serializers.\"x\"")]
    [InlineData("serializers { x = \"System.String\" }",
        "the type \"System.String\" is not a concrete subclass of ActorIpc.Remote.Serialization.Serializer")]
    [InlineData("serialization-bindings { \"System.String\" = jsn }",
        "no serializer is named \"jsn\" (known: exception, json, primitive, proto, status; add it to actoripc.actor.serializers) at actoripc.actor.serialization-bindings.\"System.String\"")]
    [InlineData("serialization-bindings { System.String = json }",
        "if \"System\" is the start of a type name, quote the whole name, e.g. \"System.String\" = primitive")]
    [InlineData("serialization-allowed-types = [ \"*\" ]",
        "the entry \"*\" is too broad or malformed")]
    [InlineData("serialization-allowed-types = [ \"System.*\" ]",
        "the entry \"System.*\" is too broad or malformed")]
    public void Constructor_InvalidSetting_ThrowsHoconExceptionNamingThePath(string settings, string expected)
    {
        var e = Assert.Throws<HoconException>(() => SerializationFixture.Registry("actoripc.actor {\n" + settings + "\n}"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static SerializationRegistry Bind(params (string Type, string Serializer)[] bindings) =>
        SerializationFixture.Registry(
            "actoripc.actor.serialization-bindings {\n"
            + string.Join("\n", bindings.Select(b => $"\"{Shapes}+{b.Type}, ActorIpc.Remote.Tests\" = {b.Serializer}"))
            + "\n}");
}
