using ActorIpc.Serialization;
using ActorIpc.TestNode.Errors;
using ActorIpc.TestNode.Messages;
using Akka.Actor;

namespace ActorIpc.MultiProcess.Tests;

[Collection(TestNodeCollection.Name)]
public sealed class ExceptionCrossingTests(TestNodeFixture fixture) : NodeTestKit(fixture)
{
    private const string HiddenType = "ActorIpc.TestNode.Hidden.LedgerCorruptedException";

    [Fact]
    public async Task Ask_FailureWithCustomException_ThrowsThatTypeWithCodeMessageAndRemoteStack()
    {
        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => AskToFail("quota"));

        Assert.Equal(42, error.Code);
        Assert.Equal("quota of 5 exceeded", error.Message);
        Assert.Contains("ThrowQuotaExceeded", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FailureWithArgumentException_KeepsParamNameAndMessage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => AskToFail("argument"));

        Assert.Equal("amount", error.ParamName);
        Assert.Equal("must be positive (Parameter 'amount')", error.Message);
        Assert.Contains("ThrowArgument", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FailureWithInnerExceptions_KeepsTheChain()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AskToFail("inner"));

        var io = Assert.IsType<IOException>(error.InnerException);
        var quota = Assert.IsType<QuotaExceededException>(io.InnerException);
        Assert.Equal(("could not save the order", "disk full", 7), (error.Message, io.Message, quota.Code));
    }

    [Fact]
    public async Task Ask_FailureWithAggregateException_KeepsEveryInnerException()
    {
        var error = await Assert.ThrowsAsync<AggregateException>(() => AskToFail("aggregate"));

        Assert.Collection(
            error.InnerExceptions,
            first => Assert.IsType<TimeoutException>(first),
            second => Assert.Equal(2, Assert.IsType<QuotaExceededException>(second).Code));
    }

    [Fact]
    public async Task Ask_FailureWithTypeThisProcessDoesNotAllow_ThrowsRemoteExceptionWithTheRemoteDetails()
    {
        var error = await Assert.ThrowsAsync<RemoteException>(() => AskToFail("hidden"));

        Assert.Equal(HiddenType, error.RemoteType);
        Assert.Equal($"{HiddenType}: ledger north is corrupt at page 9", error.Message);
        Assert.Contains("ThrowLedgerCorrupted", error.RemoteStackTrace, StringComparison.Ordinal);
        Assert.Contains("ThrowLedgerCorrupted", error.StackTrace, StringComparison.Ordinal);
        Assert.Equal("9", error.Properties["Page"]);
        Assert.Equal("north", error.Properties["Ledger"]);
    }

    [Fact]
    public async Task Ask_RecordCarryingAnException_ArrivesWithTheExceptionIntact()
    {
        var reply = await Fixture.Failing.Ask<WithError>(new Fail("quota", FailureDelivery.InsideRecord), CallTimeout);

        var quota = Assert.IsType<QuotaExceededException>(reply.Error);
        Assert.Equal(42, quota.Code);
        Assert.Contains("ThrowQuotaExceeded", quota.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ExceptionSentAsAPlainMessage_ArrivesIntact()
    {
        var reply = await Fixture.Failing.Ask<object>(new Fail("argument", FailureDelivery.AsMessage), CallTimeout);

        var argument = Assert.IsType<ArgumentException>(reply);
        Assert.Equal("amount", argument.ParamName);
        Assert.Contains("ThrowArgument", argument.StackTrace, StringComparison.Ordinal);
    }

    private Task<object> AskToFail(string kind) => Fixture.Failing.Ask<object>(new Fail(kind), CallTimeout);
}
