using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class ExceptionSerializerTests : SerializerContractTests
{
    protected override int ExpectedSerializerId => 4;

    protected override IReadOnlyList<object> Samples { get; } =
    [
        new InvalidOperationException("plain"),
        TestFailures.Thrown(new ArgumentException("bad argument", TestFailures.Thrown(new FormatException("not a number")))),
        TestFailures.Thrown(new KeyNotFoundException("no key 'x'")),
        new ActorIpcException("runtime failure"),
    ];

    protected override void AssertEquivalent(object expected, object actual)
    {
        var (e, a) = ((Exception)expected, (Exception)actual);
        while (true)
        {
            Assert.Equal(e.GetType(), a.GetType());
            Assert.Equal(e.Message, a.Message);
            if (e.InnerException is null)
            {
                Assert.Null(a.InnerException);
                return;
            }

            (e, a) = (e.InnerException, Assert.IsAssignableFrom<Exception>(a.InnerException));
        }
    }

    [Fact]
    public void Deserialize_AllowedTypeWithInner_SameTypeMessageAndInner()
    {
        var original = TestFailures.Thrown(new InvalidOperationException("outer", TestFailures.Thrown(new TimeoutException("inner"))));

        var copy = Assert.IsType<InvalidOperationException>(SerializationFixture.RoundTrip(Registry, original));

        Assert.Equal("outer", copy.Message);
        var inner = Assert.IsType<TimeoutException>(copy.InnerException);
        Assert.Equal("inner", inner.Message);
    }

    [Fact]
    public void Deserialize_AllowedType_RemoteStackTraceIsVisible()
    {
        var original = TestFailures.Thrown(new InvalidOperationException("boom"));

        var copy = Assert.IsType<InvalidOperationException>(SerializationFixture.RoundTrip(Registry, original));

        Assert.Equal(original.StackTrace, copy.Data[RemoteException.RemoteStackTraceKey]);
        Assert.Contains(nameof(TestFailures.Thrown), copy.StackTrace, StringComparison.Ordinal);
        Assert.Contains(nameof(TestFailures.Thrown), copy.ToString(), StringComparison.Ordinal);
        Assert.Equal("actoripc.tcp://worker@host:4000", copy.Data[RemoteException.RemoteAddressKey]);
    }

    [Fact]
    public void Deserialize_TypeNotAllowed_RemoteExceptionWithOriginalTypeAndRemoteStack()
    {
        var original = TestFailures.Thrown(new InvalidDataException("the file is corrupt"));

        var copy = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(Registry, original));

        Assert.Equal("System.IO.InvalidDataException, System.Private.CoreLib", copy.OriginalTypeName);
        Assert.Equal("the file is corrupt", copy.OriginalMessage);
        Assert.Equal("System.IO.InvalidDataException from actoripc.tcp://worker@host:4000: the file is corrupt", copy.Message);
        Assert.Equal(SerializationFixture.Worker, copy.RemoteAddress);
        Assert.Equal(original.StackTrace, copy.RemoteStackTrace);
        Assert.Contains(nameof(TestFailures.Thrown), copy.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(TestFailures.Thrown), copy.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_TypeNotAllowedWithInner_InnerChainKept()
    {
        var original = new InvalidOperationException("outer", new InvalidDataException("inner is not allowed", new FormatException("innermost")));

        var copy = Assert.IsType<InvalidOperationException>(SerializationFixture.RoundTrip(Registry, original));

        var inner = Assert.IsType<RemoteException>(copy.InnerException);
        Assert.Equal("inner is not allowed", inner.OriginalMessage);
        Assert.Equal("innermost", Assert.IsType<FormatException>(inner.InnerException).Message);
    }

    [Fact]
    public void Deserialize_ApplicationTypeOnlyAfterItIsAllowed_RebuiltAsItself()
    {
        var original = TestFailures.Thrown(new TestFailures.OrderRejectedException("out of stock", new TimeoutException("warehouse")));
        var allowing = SerializationFixture.Registry(SerializationFixture.TestMessagesBinding + """

            actoripc.actor.serialization-allowed-types = ["ActorIpc.Remote.Tests.Serialization.TestFailures+OrderRejectedException"]
            """);

        var refused = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(Registry, original));
        var rebuilt = Assert.IsType<TestFailures.OrderRejectedException>(SerializationFixture.RoundTrip(allowing, original));

        Assert.Equal("ActorIpc.Remote.Tests.Serialization.TestFailures+OrderRejectedException, ActorIpc.Remote.Tests", refused.OriginalTypeName);
        Assert.Equal("out of stock", rebuilt.Message);
        Assert.IsType<TimeoutException>(rebuilt.InnerException);
    }

    [Fact]
    public void Deserialize_AllowedTypeWithoutMessageConstructor_RemoteException()
    {
        var allowing = SerializationFixture.Registry("""actoripc.actor.serialization-allowed-types = ["ActorIpc.Remote.Tests.Serialization.TestFailures+*"]""");

        var copy = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(allowing, new TestFailures.CodeOnlyException(7)));

        Assert.Equal("code 7", copy.OriginalMessage);
    }

    [Fact]
    public void Deserialize_ActorIpcExceptionWithoutMessageConstructor_RemoteExceptionNamingIt()
    {
        var timeout = new AskTimeoutException(ActorPath.CreateRoot(SerializationFixture.Worker) / "user" / "calc", typeof(string), TimeSpan.FromSeconds(1), true);

        var copy = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(Registry, timeout));

        Assert.Equal("ActorIpc.AskTimeoutException, ActorIpc", copy.OriginalTypeName);
        Assert.Equal(timeout.Message, copy.OriginalMessage);
    }

    [Fact]
    public void Deserialize_RemoteExceptionPassedOn_StillDescribesTheOriginalFailure()
    {
        var original = TestFailures.Thrown(new InvalidDataException("the file is corrupt"));
        var firstHop = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(Registry, original));

        var secondHop = Assert.IsType<RemoteException>(SerializationFixture.RoundTrip(Registry, firstHop, SerializationFixture.Context(SerializationFixture.Evil)));

        Assert.Equal("System.IO.InvalidDataException, System.Private.CoreLib", secondHop.OriginalTypeName);
        Assert.Equal("the file is corrupt", secondHop.OriginalMessage);
        Assert.Equal(original.StackTrace, secondHop.RemoteStackTrace);
    }

    [Fact]
    public void Deserialize_DataAndHResult_Kept()
    {
        var original = new IOException("with data", 0x1234) { Data = { ["order"] = "A-1", ["attempt"] = 3, ["ok"] = false, ["ignored"] = new object() } };

        var copy = Assert.IsType<IOException>(SerializationFixture.RoundTrip(Registry, original));

        Assert.Equal(0x1234, copy.HResult);
        Assert.Equal("A-1", copy.Data["order"]);
        Assert.Equal(3L, copy.Data["attempt"]);
        Assert.Equal(false, copy.Data["ok"]);
        Assert.False(copy.Data.Contains("ignored"));
    }

    [Fact]
    public void Deserialize_InnerChainDeeperThanLimit_CutAtLimit()
    {
        Exception chain = new FormatException("level 0");
        for (var i = 1; i < 40; i++)
        {
            chain = new InvalidOperationException($"level {i}", chain);
        }

        var copy = Assert.IsAssignableFrom<Exception>(SerializationFixture.RoundTrip(Registry, chain));

        var depth = 0;
        for (var e = copy; e is not null; e = e.InnerException)
        {
            depth++;
        }

        Assert.Equal(16, depth);
    }
}
