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

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500)));

        Assert.StartsWith("ExpectNoMsgAsync: expected no message for 500 ms, got Ping { Text = ping } from [actoripc://test/user/chatty#", failure.Message);
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
