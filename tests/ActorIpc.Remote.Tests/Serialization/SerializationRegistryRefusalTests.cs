using System.Buffers;
using System.Text;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Only allowed types are ever instantiated from the wire; everything else is refused with the manifest, serializer and sender.</summary>
public sealed class SerializationRegistryRefusalTests
{
    private const string Allowed = "(actoripc.actor.serialization-bindings / serialization-allowed-types)";
    private const string Messages = "ActorIpc.Remote.Tests.Serialization.TestMessages";
    private const string Shapes = "ActorIpc.Remote.Tests.Serialization.BindingShapes";

    private readonly SerializationRegistry _registry = SerializationFixture.Registry();
    private readonly SerializationContext _fromEvil = SerializationFixture.Context(SerializationFixture.Evil);

    [Fact]
    public void Deserialize_UnregisteredType_ThrowsNamingManifestSerializerAndSender()
    {
        var e = Refused(2, "System.Diagnostics.Process, System.Diagnostics.Process");

        Assert.Equal(
            $"refused to deserialize 'System.Diagnostics.Process, System.Diagnostics.Process' (serializer json) from actoripc.tcp://evil@10.0.0.66:4000: the type is not registered or allowed {Allowed}",
            e.Message);
        Assert.Equal("System.Diagnostics.Process, System.Diagnostics.Process", e.Manifest);
        Assert.Equal(2, e.SerializerId);
        Assert.Equal(SerializationFixture.Evil, e.RemoteAddress);
    }

    [Fact]
    public void Deserialize_TypeInAnAssemblyNotLoaded_AssemblyStaysUnloaded()
    {
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "System.Net.Mail");

        Refused(2, "System.Net.Mail.SmtpClient, System.Net.Mail");

        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "System.Net.Mail");
    }

    [Fact]
    public void Deserialize_RefusedTypeWithStaticConstructor_InitializerNeverRuns()
    {
        Refused(2, $"{Shapes}+Gadget, ActorIpc.Remote.Tests", "{\"Command\":\"rm -rf /\"}");

        Assert.False(BindingShapes.GadgetInitialized);
    }

    [Fact]
    public void Deserialize_GenericWithDisallowedTypeArgument_ThrowsNamingTheArgument()
    {
        var manifest = $"{Messages}+Envelope`1[[System.Diagnostics.Process, System.Diagnostics.Process]], ActorIpc.Remote.Tests";

        var e = Refused(2, manifest);

        Assert.Equal(
            $"refused to deserialize '{manifest}' (serializer json) from actoripc.tcp://evil@10.0.0.66:4000: the type argument 'System.Diagnostics.Process, System.Diagnostics.Process' is not registered or allowed {Allowed}",
            e.Message);
    }

    [Fact]
    public void Deserialize_DisallowedGenericDefinitionWithAllowedArgument_Refused()
    {
        var manifest = $"System.Collections.Generic.SortedList`2[[System.String, System.Private.CoreLib],[{Messages}+Ping, ActorIpc.Remote.Tests]], System.Collections";

        var e = Refused(2, manifest);

        Assert.EndsWith($"the generic type 'System.Collections.Generic.SortedList`2, System.Collections' is not registered or allowed {Allowed}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ArrayOfDisallowedType_ThrowsNamingTheElementType()
    {
        var e = Refused(2, $"{Shapes}+Gadget[], ActorIpc.Remote.Tests");

        Assert.Contains($"the array element type '{Shapes}+Gadget, ActorIpc.Remote.Tests' is not registered or allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ExceptionTypeThroughJson_RefusedEvenThoughExceptionIsBound()
    {
        // System.Exception is bound to the exception serializer by default; that must not let json build any exception type.
        var e = Refused(2, "System.IO.InvalidDataException, System.Private.CoreLib");

        Assert.EndsWith($"the type is not registered or allowed {Allowed}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ObjectBoundAsCatchAll_DoesNotAllowEveryType()
    {
        var registry = SerializationFixture.Registry("""actoripc.actor.serialization-bindings { "System.Object" = json }""");

        Assert.Throws<SerializationException>(() => registry.Deserialize(2, $"{Shapes}+Gadget, ActorIpc.Remote.Tests", Json("{}"), _fromEvil));
    }

    [Fact]
    public void Deserialize_UnknownSerializerId_ThrowsNamingIdAndSender()
    {
        var e = Refused(42, $"{Messages}+Ping, ActorIpc.Remote.Tests");

        Assert.Equal(
            $"refused to deserialize '{Messages}+Ping, ActorIpc.Remote.Tests' (serializer id 42) from actoripc.tcp://evil@10.0.0.66:4000: no serializer has id 42 here (known: 1 primitive, 2 json, 3 proto, 4 exception, 5 status, 6 actor-messages; register serializers in actoripc.actor.serializers)",
            e.Message);
        Assert.Equal(42, e.SerializerId);
    }

    [Fact]
    public void Deserialize_Utf8ManifestOfUnregisteredType_SameRefusal()
    {
        var manifest = "System.Diagnostics.Process, System.Diagnostics.Process";

        var e = Assert.Throws<SerializationException>(() => _registry.Deserialize(2, Encoding.UTF8.GetBytes(manifest), Json("{}"), _fromEvil));

        Assert.StartsWith($"refused to deserialize '{manifest}' (serializer json) from actoripc.tcp://evil@10.0.0.66:4000: the type is not registered", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a [type name")]
    [InlineData("")]
    public void Deserialize_ManifestThatIsNotATypeName_Refused(string manifest)
    {
        var e = Refused(2, manifest);

        Assert.Contains("the manifest is not a type name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_OverlongManifest_RefusedUnparsed()
    {
        var e = Refused(2, new string('A', 5000) + ", X");

        Assert.Contains("the manifest is longer than 1024 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_GenericWithAllowedArguments_Allowed()
    {
        var message = new TestMessages.Envelope<Dictionary<string, TestMessages.Ping>>("k", new() { ["a"] = new TestMessages.Ping(1) });

        var copy = Assert.IsType<TestMessages.Envelope<Dictionary<string, TestMessages.Ping>>>(SerializationFixture.RoundTrip(_registry, message));

        Assert.Equal(new TestMessages.Ping(1), copy.Payload["a"]);
    }

    [Fact]
    public void Deserialize_TypeMatchingAllowedNamespacePrefix_Allowed()
    {
        var registry = SerializationFixture.Registry($$"""actoripc.actor.serialization-allowed-types = [ "{{Shapes}}+*, ActorIpc.Remote.Tests" ]""");

        var copy = registry.Deserialize(2, $"{Shapes}+Unbound, ActorIpc.Remote.Tests", Json("""{"Id":"u1"}"""), _fromEvil);

        Assert.Equal(new BindingShapes.Unbound("u1"), copy);
    }

    [Fact]
    public void Deserialize_PrefixPinnedToAnotherAssembly_Refused()
    {
        var registry = SerializationFixture.Registry($$"""actoripc.actor.serialization-allowed-types = [ "{{Shapes}}+*, SomeOtherAssembly" ]""");

        Assert.Throws<SerializationException>(() => registry.Deserialize(2, $"{Shapes}+Unbound, ActorIpc.Remote.Tests", Json("""{"Id":"u1"}"""), _fromEvil));
    }

    [Fact]
    public void Deserialize_TypeImplementingBoundInterface_AllowedWithoutListingIt()
    {
        var copy = _registry.Deserialize(2, $"{Messages}+Ping, ActorIpc.Remote.Tests", Json("""{"Sequence":9}"""), _fromEvil);

        Assert.Equal(new TestMessages.Ping(9), copy);
    }

    [Fact]
    public void Deserialize_RefusedMessage_RegistryKeepsWorking()
    {
        Refused(2, "System.Diagnostics.Process, System.Diagnostics.Process");

        Assert.Equal(new TestMessages.Ping(1), SerializationFixture.RoundTrip(_registry, new TestMessages.Ping(1)));
    }

    private static ReadOnlySequence<byte> Json(string text) => new(Encoding.UTF8.GetBytes(text));

    private SerializationException Refused(int serializerId, string manifest, string payload = "{}") =>
        Assert.Throws<SerializationException>(() => _registry.Deserialize(serializerId, manifest, Json(payload), _fromEvil));
}
