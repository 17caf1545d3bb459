namespace ActorIpc.TestKit.Tests;

public sealed class ReceiveTests : Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ReceiveWhileAsync_NonMatchingMessage_StopsAndLeavesItForTheNextExpectation()
    {
        TestActor.Tell(new Pong(1), null);
        TestActor.Tell(new Pong(2), null);
        TestActor.Tell(new Pong(30), null);
        TestActor.Tell(new Pong(4), null);
        await this.QueuedAsync(4);

        var small = await ReceiveWhileAsync<Pong>(p => p.N < 10, Short);

        Assert.Equal([new Pong(1), new Pong(2)], small);
        Assert.Equal(new Pong(30), await ExpectMsgAsync<Pong>());
        Assert.Equal(new Pong(4), await ExpectMsgAsync<Pong>());
    }

    [Fact]
    public async Task ReceiveWhileAsync_OtherType_StopsAndLeavesIt()
    {
        TestActor.Tell(new Pong(1), null);
        TestActor.Tell(new Ping(), null);
        await this.QueuedAsync(2);

        var pongs = await ReceiveWhileAsync<Pong>(_ => true, Short);

        Assert.Single(pongs);
        await ExpectMsgAsync<Ping>();
    }

    [Fact]
    public async Task ReceiveWhileAsync_MaxMessages_StopsThere()
    {
        for (var i = 0; i < 5; i++)
        {
            TestActor.Tell(new Pong(i), null);
        }

        var taken = await ReceiveWhileAsync<Pong>(_ => true, maxMessages: 3);

        Assert.Equal(3, taken.Count);
        Assert.Equal(new Pong(3), await ExpectMsgAsync<Pong>());
    }

    [Fact]
    public async Task ReceiveWhileAsync_IdleGap_StopsBeforeMax()
    {
        TestActor.Tell(new Pong(), null);

        var taken = await WithinAsync(TimeSpan.FromSeconds(2), () => ReceiveWhileAsync<Pong>(_ => true, max: TimeSpan.FromSeconds(5), idle: TimeSpan.FromMilliseconds(50)));

        Assert.Single(taken);
    }

    [Fact]
    public async Task ReceiveWhileAsync_NothingArrives_ReturnsEmptyAtMax()
    {
        var taken = await ReceiveWhileAsync<Pong>(_ => true, Short);

        Assert.Empty(taken);
    }

    [Fact]
    public async Task ReceiveWhileAsync_NegativeMaxMessages_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ReceiveWhileAsync<Pong>(_ => true, maxMessages: -1));
    }

    [Fact]
    public async Task ReceiveNAsync_EnoughMessages_ReturnsThemInOrder()
    {
        TestActor.Tell(new Ping(), null);
        TestActor.Tell(new Pong(), null);
        TestActor.Tell("third", null);

        var messages = await ReceiveNAsync(3);

        Assert.Equal([new Ping(), new Pong(), "third"], messages);
    }

    [Fact]
    public async Task ReceiveNAsync_TooFew_FailsListingThoseReceived()
    {
        TestActor.Tell(new Ping(), null);
        await this.QueuedAsync(1);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ReceiveNAsync(3, Short));

        Assert.StartsWith("ReceiveNAsync: timed out after 100 ms having received 1 of 3 messages: Ping { Text = ping } from ", failure.Message);
    }
}
