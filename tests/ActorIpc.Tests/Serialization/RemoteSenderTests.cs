using ActorIpc.Serialization;
using ActorIpc.Tests.Serialization.Hidden;
using Akka.Actor;

namespace ActorIpc.Tests.Serialization;

public sealed class RemoteSenderTests() : Akka.TestKit.Xunit2.TestKit(SerializationFixture.CreateConfig())
{
    // How Akka.Remote names the actor that reads a connection from akka.tcp://sys@127.0.0.1:4711.
    private const string ReaderName = "endpointReader-akka.tcp%3A%2F%2Fsys%40127.0.0.1%3A4711-1";

    [Theory]
    [InlineData(ReaderName, "akka.tcp://sys@127.0.0.1:4711")]
    [InlineData("endpointReader-akka.tcp%3A%2F%2Fmy-app%40127.0.0.1%3A40123-12", "akka.tcp://my-app@127.0.0.1:40123")]
    [InlineData("endpointReader-akka.tcp%3A%2F%2Fsys%40worker-host.local%3A2552-3", "akka.tcp://sys@worker-host.local:2552")]
    public void FromActorName_EndpointReaderName_DecodesTheRemoteAddress(string actorName, string address)
    {
        Assert.Equal(address, RemoteSender.FromActorName(actorName));
    }

    [Theory]
    [InlineData("endpointWriter")]
    [InlineData("user")]
    [InlineData("endpointReader-")]
    [InlineData("endpointReader-1")]
    [InlineData("endpointReader-garbage-1")]
    [InlineData("endpointReader-akka.tcp%3A%2F%2Fsys%40127.0.0.1%3A4711")]
    [InlineData("endpointReader-akka.tcp%3A%2F%2Fsys%40127.0.0.1%3A4711-x")]
    [InlineData("endpointReader-akka%3A%2F%2Fsys-1")]
    public void FromActorName_OtherNames_ReturnsNull(string actorName)
    {
        Assert.Null(RemoteSender.FromActorName(actorName));
    }

    [Fact]
    public void Current_OutsideAnActor_ReturnsNull()
    {
        Assert.Null(RemoteSender.Current());
    }

    [Fact]
    public async Task FromBinary_InAnEndpointReadersReceive_NamesTheSenderInTheRefusal()
    {
        await using var permissiveHolder = new PermissiveSystem();
        var (bytes, serializerId, manifest) = SerializationFixture.Serialize(new HiddenTypes.Secret("s"), permissiveHolder.System);
        var reader = Sys.ActorOf(Props.Create(() => new DeserializingActor()), ReaderName);

        reader.Tell(new Payload(bytes, serializerId, manifest));

        var refusal = await ExpectMsgAsync<TypeNotAllowedException>();
        Assert.Equal("akka.tcp://sys@127.0.0.1:4711", refusal.Sender);
        Assert.Contains("sent by akka.tcp://sys@127.0.0.1:4711", refusal.Message, StringComparison.Ordinal);
    }

    private sealed record Payload(byte[] Bytes, int SerializerId, string Manifest);

    /// <summary>Deserializes inside its receive, as Akka.Remote's endpoint reader does, and answers with the outcome.</summary>
    private sealed class DeserializingActor : ReceiveActor
    {
        public DeserializingActor()
        {
            Receive<Payload>(payload =>
            {
                try
                {
                    Sender.Tell(Context.System.Serialization.Deserialize(payload.Bytes, payload.SerializerId, payload.Manifest));
                }
                catch (TypeNotAllowedException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }

    private sealed class PermissiveSystem : IAsyncDisposable
    {
        public ActorSystem System { get; } = ActorSystem.Create("permissive", SerializationFixture.CreateConfig(SerializationFixture.AllowHiddenTypes));

        public async ValueTask DisposeAsync() => await System.Terminate();
    }
}
