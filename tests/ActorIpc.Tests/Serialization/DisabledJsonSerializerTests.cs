using System.Runtime.Serialization;
using System.Text;

namespace ActorIpc.Tests.Serialization;

public sealed class DisabledJsonSerializerTests(SerializationFixture fixture) : IClassFixture<SerializationFixture>
{
    [Fact]
    public void Deserialize_AkkasJsonSerializerIdentifier_IsRefusedWithTheReason()
    {
        var json = Encoding.UTF8.GetBytes("{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/tmp/x\"}");

        var error = Assert.Throws<SerializationException>(() => fixture.System.Serialization.Deserialize(json, 1, ""));

        Assert.Contains("Akka's JSON format", error.Message, StringComparison.Ordinal);
        Assert.Contains("an unknown sender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindSerializerForType_TypeBoundToJson_GetsTheStandInThatRefusesToWriteIt()
    {
        // A type no binding covers, so that the name "json" decides (and the cache it fills stays this test's).
        var json = fixture.System.Serialization.FindSerializerForType(typeof(BoundToJson), "json");

        Assert.Equal(1, json.Identifier);
        Assert.Throws<SerializationException>(() => json.ToBinary(new BoundToJson()));
    }

    private sealed class BoundToJson;
}
