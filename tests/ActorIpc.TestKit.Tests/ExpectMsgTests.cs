using ActorIpc.Hocon;

namespace ActorIpc.TestKit.Tests;

public sealed class ExpectMsgTests : Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ExpectMsgAsync_EchoReplies_ReturnsMessageAndSender()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "echo");

        echo.Tell(new Ping("hi"), TestActor);

        var ping = await ExpectMsgAsync<Ping>();
        Assert.Equal("hi", ping.Text);
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ExpectMsgAsync_NoMessage_TimesOutNamingTypeAndTime()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Pong>(Short));

        Assert.Equal("ExpectMsgAsync<Pong>: timed out after 100 ms waiting for a message of type Pong", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_OtherType_FailsNamingMessageAndSender()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "x");
        echo.Tell(new Ping("hi"), TestActor);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Pong>());

        Assert.StartsWith("ExpectMsgAsync<Pong>: expected a message of type Pong, got Ping { Text = hi } from [actoripc://test/user/x#", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateHolds_ReturnsMessage()
    {
        TestActor.Tell(new Pong(7), null);

        var pong = await ExpectMsgAsync<Pong>(p => p.N == 7);

        Assert.Equal(7, pong.N);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateFails_FailsNamingMessageAndHint()
    {
        TestActor.Tell(new Pong(2), null);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Pong>(p => p.N == 7, hint: "N is 7"));

        Assert.StartsWith("ExpectMsgAsync<Pong>: expected a message of type Pong matching the predicate (N is 7), got Pong { N = 2 } from ", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateNoMessage_TimesOutNamingHint()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Pong>(p => p.N == 7, Short, "N is 7"));

        Assert.Equal("ExpectMsgAsync<Pong>: timed out after 100 ms waiting for a message of type Pong matching the predicate (N is 7)", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_EqualMessage_ReturnsIt()
    {
        TestActor.Tell("hello", null);

        Assert.Equal("hello", await ExpectMsgAsync("hello"));
    }

    [Fact]
    public async Task ExpectMsgAsync_UnequalMessage_FailsNamingBoth()
    {
        TestActor.Tell("bye", null);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync("hello"));

        Assert.StartsWith("ExpectMsgAsync<String>: expected \"hello\" (a String), got \"bye\" (a String) from ", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_NoDuration_WaitsTheConfiguredDefault()
    {
        await using var kit = new TestKitBase(ConfigFactory.ParseString("actoripc.testkit.single-expect-default = 150ms"));

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.ExpectMsgAsync<Pong>());

        Assert.Contains("timed out after 150 ms", failure.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(150), kit.Remaining);
    }

    [Fact]
    public async Task ExpectMsgAsync_Cancelled_ThrowsOperationCanceledNotAFailure()
    {
        using var cancellation = new CancellationTokenSource();
        var waiting = ExpectMsgAsync<Pong>(TimeSpan.FromSeconds(5), cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task ExpectMsgAsync_WhileAnotherWaits_ThrowsInvalidOperation()
    {
        var first = ExpectMsgAsync<Pong>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ExpectMsgAsync<Pong>());
        TestActor.Tell(new Pong(), null);
        await first;

        Assert.Contains("another expectation", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_NegativeDuration_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ExpectMsgAsync<Pong>(Timeout.InfiniteTimeSpan));
    }
}
