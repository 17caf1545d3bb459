using System.Buffers;
using System.Text;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class StatusSerializerTests : SerializerContractTests
{
    protected override int ExpectedSerializerId => 5;

    protected override IReadOnlyList<object> Samples { get; } =
    [
        new Status.Success(null),
        new Status.Success("done"),
        new Status.Success(42L),
        new Status.Success(new TestMessages.Ping(3)),
        new Status.Failure(new InvalidOperationException("no such key")),
    ];

    protected override void AssertEquivalent(object expected, object actual)
    {
        switch (expected)
        {
            case Status.Failure failure:
                var cause = Assert.IsType<Status.Failure>(actual).Cause;
                Assert.Equal(failure.Cause.GetType(), cause.GetType());
                Assert.Equal(failure.Cause.Message, cause.Message);
                break;
            default:
                base.AssertEquivalent(expected, actual);
                break;
        }
    }

    [Fact]
    public void Deserialize_FailureOfAThrownException_CauseIsRebuiltWithRemoteStack()
    {
        var failure = new Status.Failure(Thrown(() => throw new TimeoutException("the disk did not answer")));

        var copy = Assert.IsType<Status.Failure>(SerializationFixture.RoundTrip(Registry, failure));

        var cause = Assert.IsType<TimeoutException>(copy.Cause);
        Assert.Equal("the disk did not answer", cause.Message);
        Assert.Contains(nameof(Thrown), cause.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_FailureOfAnUnknownExceptionType_CauseIsRemoteException()
    {
        var failure = new Status.Failure(Thrown(() => throw new InvalidDataException("the file is corrupt")));

        var copy = Assert.IsType<Status.Failure>(SerializationFixture.RoundTrip(Registry, failure));

        var cause = Assert.IsType<RemoteException>(copy.Cause);
        Assert.Equal("System.IO.InvalidDataException from actoripc.tcp://worker@host:4000: the file is corrupt", cause.Message);
    }

    [Fact]
    public void Deserialize_SuccessWhoseResultTypeIsNotAllowed_ThrowsNamingTheNestedManifest()
    {
        // Written by hand, as a hostile peer would: a Success whose result claims a type nobody allowed.
        var payload = new ArrayBufferWriter<byte>();
        payload.Write(new byte[] { 1, 4 }); // success tag, then serializer id 2 as a zigzag varint
        var manifest = "System.Diagnostics.Process, System.Diagnostics.Process";
        payload.Write(new[] { (byte)manifest.Length });
        payload.Write(Encoding.UTF8.GetBytes(manifest));
        payload.Write("{}"u8);

        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => Registry.Deserialize(5, string.Empty, new ReadOnlySequence<byte>(payload.WrittenMemory), SerializationFixture.Context(SerializationFixture.Evil)));

        Assert.Equal(
            "refused to deserialize 'System.Diagnostics.Process, System.Diagnostics.Process' (serializer json) from actoripc.tcp://evil@10.0.0.66:4000: the type is not registered or allowed (actoripc.actor.serialization-bindings / serialization-allowed-types)",
            e.Message);
    }

    [Fact]
    public void Serialize_StatusInsideStatus_ThrowsSerializationException()
    {
        var e = Assert.Throws<ActorIpc.Remote.Serialization.SerializationException>(
            () => SerializationFixture.Write(Registry, new Status.Success(new Status.Success(1))));

        Assert.Contains("cannot be nested in a message of its own serializer", e.Message, StringComparison.Ordinal);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("the action did not throw");
    }
}
