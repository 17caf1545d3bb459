namespace ActorIpc.TestKit.Tests;

public sealed class ExpectNoMsgTests : Xunit2.TestKit
{
    [Fact]
    public async Task ExpectNoMsgAsync_Silence_Passes()
    {
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageArrives_FailsNamingItAndSender()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "chatty");
        echo.Tell(new Ping(), TestActor);

        // The reply ends the wait as soon as it arrives; the long window only leaves room for a
        // process that has just started (its first messages wait on the JIT, and on two cores
        // that took over 500 ms now and then).
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(TimeSpan.FromSeconds(10)));

        Assert.StartsWith("ExpectNoMsgAsync: expected no message for 10000 ms, got Ping { Text = ping } from [actoripc://test/user/chatty#", failure.Message);
        Assert.Contains(" after ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageAlreadyQueued_FailsAtOnce()
    {
        TestActor.Tell(new Pong(), null);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains("got Pong { N = 1 }", failure.Message, StringComparison.Ordinal);
    }
}
