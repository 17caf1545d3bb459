using System.Runtime.Serialization;
using ActorIpc.Serialization;
using ActorIpc.Tests.Serialization.Hidden;
using Akka.Actor;
using static ActorIpc.Tests.Serialization.Errors.TestErrors;

namespace ActorIpc.Tests.Serialization;

public sealed class ExceptionSerializerTests(SerializationFixture fixture) : IClassFixture<SerializationFixture>
{
    [Fact]
    public void FindSerializerFor_ExceptionsAndFailures_IsTheExceptionSerializerWithId731()
    {
        var serializers = new object[] { new InvalidOperationException(), new QuotaExceededException("q"), new Status.Failure(null) }
            .Select(message => fixture.System.Serialization.FindSerializerFor(message))
            .ToList();

        Assert.All(serializers, serializer => Assert.IsType<ExceptionSerializer>(serializer));
        Assert.All(serializers, serializer => Assert.Equal(731, serializer.Identifier));
    }

    [Fact]
    public void RoundTrip_CustomExceptionWithoutSerializationConstructor_KeepsTypeMessagePropertiesAndStack()
    {
        var at = new DateTimeOffset(2026, 7, 12, 8, 0, 0, TimeSpan.FromHours(-5));
        var sent = Throwing.Catch(() => ThrowQuota(at));

        var arrived = fixture.RoundTrip<QuotaExceededException>(sent);

        Assert.Equal(42, arrived.Code);
        Assert.Equal(Severity.Fatal, arrived.Severity);
        Assert.Equal(at, arrived.At);
        Assert.Equal("quota of 5 exceeded", arrived.Message);
        Assert.Contains(nameof(ThrowQuota), arrived.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_ArgumentExceptions_KeepParamNameActualValueAndMessage()
    {
        var argument = fixture.RoundTrip<ArgumentException>(Throwing.Catch(() => throw new ArgumentException("must be positive", "amount")));
        var outOfRange = fixture.RoundTrip<ArgumentOutOfRangeException>(new ArgumentOutOfRangeException("count", 7, "too many"));
        var nullArgument = fixture.RoundTrip<ArgumentNullException>(new ArgumentNullException("customer"));

        Assert.Equal("amount", argument.ParamName);
        Assert.Equal("must be positive (Parameter 'amount')", argument.Message);
        Assert.Equal("count", outOfRange.ParamName);
        Assert.Equal(7, outOfRange.ActualValue);
        Assert.Equal(new ArgumentOutOfRangeException("count", 7, "too many").Message, outOfRange.Message);
        Assert.Equal("customer", nullArgument.ParamName);
    }

    [Fact]
    public void RoundTrip_ConstructorParametersNamedLikeProperties_UsesThatConstructor()
    {
        var sent = new OrderRejectedException("o-7", 12.5m, new FormatException("bad amount"));

        var arrived = fixture.RoundTrip<OrderRejectedException>(sent);

        Assert.Equal("o-7", arrived.OrderId);
        Assert.Equal(12.5m, arrived.Amount);
        Assert.Equal("order o-7 of 12.5 rejected", arrived.Message);
        Assert.Equal("bad amount", Assert.IsType<FormatException>(arrived.InnerException).Message);
    }

    [Fact]
    public void RoundTrip_NoConstructorMatches_CreatesItWithoutOneAndSetsGetOnlyAndPrivateSetProperties()
    {
        var ledger = Guid.NewGuid();
        var sent = new LedgerException(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        typeof(LedgerException).GetProperty(nameof(LedgerException.Ledger))!.SetValue(sent, ledger);

        var arrived = fixture.RoundTrip<LedgerException>(sent);

        Assert.Equal(sent.Message, arrived.Message);
        Assert.Equal(-1, arrived.Page);
        Assert.Equal(ledger, arrived.Ledger);
    }

    [Fact]
    public void RoundTrip_InnerExceptions_KeepTheWholeChain()
    {
        var sent = new InvalidOperationException("outer", new FormatException("middle", new QuotaExceededException("inner") { Code = 3 }));

        var arrived = fixture.RoundTrip<InvalidOperationException>(sent);

        var middle = Assert.IsType<FormatException>(arrived.InnerException);
        var inner = Assert.IsType<QuotaExceededException>(middle.InnerException);
        Assert.Equal(("outer", "middle", "inner", 3), (arrived.Message, middle.Message, inner.Message, inner.Code));
    }

    [Fact]
    public void RoundTrip_AggregateException_KeepsEveryInnerException()
    {
        var sent = new AggregateException("several", new TimeoutException("first"), new QuotaExceededException("second") { Code = 2 });

        var arrived = fixture.RoundTrip<AggregateException>(sent);

        Assert.Equal(sent.Message, arrived.Message);
        Assert.Collection(
            arrived.InnerExceptions,
            first => Assert.Equal("first", Assert.IsType<TimeoutException>(first).Message),
            second => Assert.Equal(2, Assert.IsType<QuotaExceededException>(second).Code));
    }

    [Fact]
    public void RoundTrip_SourceHResultAndData_AreKeptAndUnserializableDataLeftOut()
    {
        var sent = new InvalidOperationException("failed") { Source = "billing", HResult = 0x1234 };
        sent.Data["order"] = 42;
        sent.Data["when"] = new DateTime(2026, 7, 12, 0, 0, 0, DateTimeKind.Utc);
        sent.Data["line"] = new Messages.TestMessages.Line(1, "a");
        sent.Data["secret"] = new HiddenTypes.Secret("not allowed by the sender");

        var arrived = fixture.RoundTrip<InvalidOperationException>(sent);

        Assert.Equal("billing", arrived.Source);
        Assert.Equal(0x1234, arrived.HResult);
        Assert.Equal(42, arrived.Data["order"]);
        Assert.Equal(sent.Data["when"], arrived.Data["when"]);
        Assert.Equal(sent.Data["line"], arrived.Data["line"]);
        Assert.False(arrived.Data.Contains("secret"));
    }

    [Fact]
    public void RoundTrip_StackTrace_ShowsAsTheRemoteStackBeforeWhereItIsRethrown()
    {
        var arrived = fixture.RoundTrip<QuotaExceededException>(Throwing.Catch(() => ThrowQuota(default)));

        var rethrown = Assert.Throws<QuotaExceededException>(() => RethrowHere(arrived));

        var stack = rethrown.StackTrace!;
        var remote = stack.IndexOf(nameof(ThrowQuota), StringComparison.Ordinal);
        var boundary = stack.IndexOf("--- End of stack trace from previous location ---", StringComparison.Ordinal);
        var local = stack.IndexOf(nameof(RethrowHere), StringComparison.Ordinal);
        Assert.True(remote >= 0 && remote < boundary && boundary < local, stack);
    }

    [Fact]
    public void RoundTrip_TypeNotAllowed_ArrivesAsRemoteExceptionWithTheRemoteDetails()
    {
        var sent = Throwing.Catch(() => ThrowVaultSealed());

        var arrived = fixture.RoundTrip<RemoteException>(sent, fixture.Permissive);

        Assert.Equal("ActorIpc.Tests.Serialization.Hidden.HiddenTypes+VaultSealedException", arrived.RemoteType);
        Assert.Equal("vault north sealed", arrived.RemoteMessage);
        Assert.Equal("ActorIpc.Tests.Serialization.Hidden.HiddenTypes+VaultSealedException: vault north sealed", arrived.Message);
        Assert.Contains(nameof(ThrowVaultSealed), arrived.RemoteStackTrace, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowVaultSealed), arrived.StackTrace, StringComparison.Ordinal);
        Assert.Equal("3", arrived.Properties["Level"]);
        Assert.Equal("north", arrived.Properties["Vault"]);
        Assert.Equal("Secret { Text = s }", arrived.Properties["Detail"]);
        Assert.Equal("bad key", Assert.IsType<FormatException>(arrived.InnerException).Message);
    }

    [Theory]
    [InlineData("System.NoSuchException, System.Private.CoreLib", "System.NoSuchException")]
    [InlineData("System.String, System.Private.CoreLib", "System.String")]
    [InlineData("System.Exception`1[[System.Int32, System.Private.CoreLib]], NoSuchAssembly", "System.Exception`1[System.Int32]")]
    [InlineData("not a [type name", "not a [type name")]
    public void RoundTrip_TypeThatDoesNotLoadOrIsNoException_ArrivesAsRemoteException(string qualifiedName, string remoteType)
    {
        var sent = new RemoteException("whatever", "gone", null) { QualifiedRemoteType = qualifiedName };

        var arrived = fixture.RoundTrip<RemoteException>(sent);

        Assert.Equal(remoteType, arrived.RemoteType);
        Assert.Equal("gone", arrived.RemoteMessage);
    }

    [Fact]
    public void RoundTrip_ConstructorThrowsHere_ArrivesAsRemoteException()
    {
        var arrived = fixture.RoundTrip<RemoteException>(FragileException.Create());

        Assert.Equal(typeof(FragileException).FullName, arrived.RemoteType);
        Assert.Equal("arrived: fragile", arrived.RemoteMessage);
    }

    [Fact]
    public void RoundTrip_RemoteExceptionPassedOn_KeepsTheOriginalTypeMessageAndProperties()
    {
        var first = fixture.RoundTrip<RemoteException>(Throwing.Catch(() => ThrowVaultSealed()), fixture.Permissive);

        var second = fixture.RoundTrip<RemoteException>(first);

        Assert.Equal(first.RemoteType, second.RemoteType);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(first.Properties, second.Properties);
        Assert.Contains(nameof(ThrowVaultSealed), second.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_PropertiesHoldingAnExceptionAndARecord_ReCreatesBoth()
    {
        var sent = new CompositeException("composite")
        {
            Cause = new ArgumentException("bad", "p"),
            Line = new Messages.TestMessages.Line(2, "x"),
        };

        var arrived = fixture.RoundTrip<CompositeException>(sent);

        Assert.Equal("p", Assert.IsType<ArgumentException>(arrived.Cause).ParamName);
        Assert.Equal(sent.Line, arrived.Line);
    }

    [Fact]
    public void RoundTrip_PropertyValueOfATypeNotAllowedHere_IsLeftUnset()
    {
        var sent = new CompositeException("composite") { Secret = new HiddenTypes.Secret("s"), Line = new(1, "a") };

        var arrived = fixture.RoundTrip<CompositeException>(sent, fixture.Permissive);

        Assert.Null(arrived.Secret);
        Assert.Equal(sent.Line, arrived.Line);
    }

    [Fact]
    public void RoundTrip_PropertiesLeadingBackToTheException_ArriveWithoutLooping()
    {
        var arrived = fixture.RoundTrip<LoopingException>(new LoopingException("round and round"));

        Assert.Equal("round and round", arrived.Message);
        Assert.Same(arrived, arrived.Self);
    }

    [Fact]
    public void RoundTrip_RecordInAPropertyThatHoldsTheException_IsCutShortInsteadOfLooping()
    {
        var sent = new CompositeException("composite");
        sent.Context = new Messages.TestMessages.WithError("loop", sent);

        var arrived = fixture.RoundTrip<CompositeException>(sent);

        Assert.Equal("composite", arrived.Message);
    }

    [Fact]
    public void RoundTrip_ConstructorThatAddsToTheMessage_KeepsTheMessageAsSent()
    {
        var arrived = fixture.RoundTrip<DecoratingException>(new DecoratingException("late"));

        Assert.Equal("billing: late", arrived.Message);
    }

    [Fact]
    public void RoundTrip_StatusFailure_KeepsCauseAndState()
    {
        var failure = fixture.RoundTrip<Status.Failure>(new Status.Failure(new QuotaExceededException("q") { Code = 42 }, new Messages.TestMessages.Line(1, "a")));
        var withoutCause = fixture.RoundTrip<Status.Failure>(new Status.Failure(null, "state"));
        var hiddenState = fixture.RoundTrip<Status.Failure>(new Status.Failure(new TimeoutException("t"), new HiddenTypes.Secret("s")), fixture.Permissive);

        Assert.Equal(42, Assert.IsType<QuotaExceededException>(failure.Cause).Code);
        Assert.Equal(new Messages.TestMessages.Line(1, "a"), failure.State);
        Assert.Null(withoutCause.Cause);
        Assert.Equal("state", withoutCause.State);
        Assert.IsType<TimeoutException>(hiddenState.Cause);
        Assert.Equal("Secret { Text = s }", hiddenState.State);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 9, 0 })]
    [InlineData(new byte[] { 1, 0, 20, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0 })]
    public void FromBinary_MalformedPayload_ThrowsSerializationException(byte[] bytes)
    {
        var serializer = fixture.System.Serialization.FindSerializerFor(new InvalidOperationException());

        Assert.Throws<SerializationException>(() => fixture.System.Serialization.Deserialize(bytes, serializer.Identifier, "E"));
        Assert.Throws<SerializationException>(() => fixture.System.Serialization.Deserialize(bytes, serializer.Identifier, "F"));
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException()
    {
        var serializer = fixture.System.Serialization.FindSerializerFor(new InvalidOperationException());

        Assert.Throws<SerializationException>(() => fixture.System.Serialization.Deserialize([1], serializer.Identifier, "X"));
    }

    private static void ThrowQuota(DateTimeOffset at) =>
        throw new QuotaExceededException("quota of 5 exceeded") { Code = 42, Severity = Severity.Fatal, At = at };

    private static void ThrowVaultSealed() =>
        throw new HiddenTypes.VaultSealedException("vault north sealed", new FormatException("bad key"))
        {
            Level = 3,
            Vault = "north",
            Detail = new HiddenTypes.Secret("s"),
        };

    private static void RethrowHere(Exception exception) =>
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
}
