using ActorIpc.Hocon;

namespace ActorIpc.TestKit.Tests;

public sealed class WithinTests : Xunit2.TestKit
{
    [Fact]
    public async Task WithinAsync_FastBlock_Passes()
    {
        var echo = ActorOf(Props.Create<EchoActor>());

        await WithinAsync(TimeSpan.FromSeconds(2), async () =>
        {
            echo.Tell(new Ping(), TestActor);
            await ExpectMsgAsync<Ping>();
        });
    }

    [Fact]
    public async Task WithinAsync_SlowBlock_FailsNamingTimes()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => WithinAsync(TimeSpan.FromMilliseconds(100), () => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250))));

        Assert.Matches(@"^WithinAsync: the block took \d+ ms, more than the maximum 100 ms$", failure.Message);
    }

    [Fact]
    public async Task WithinAsync_BlockFasterThanMin_FailsNamingTimes()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => WithinAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), () => Task.CompletedTask));

        Assert.Matches(@"^WithinAsync: the block took \d+ ms, less than the minimum 200 ms$", failure.Message);
    }

    [Fact]
    public async Task WithinAsync_BlockBetweenMinAndMax_Passes()
    {
        await WithinAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2), () => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task WithinAsync_ExpectationWithoutDuration_WaitsOnlyTheTimeLeft()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => WithinAsync(TimeSpan.FromMilliseconds(150), () => ExpectMsgAsync<Pong>()));

        Assert.Matches(@"^ExpectMsgAsync<Pong>: timed out after 1[0-5]\d ms \(the time left in WithinAsync\) waiting for a message of type Pong$", failure.Message);
    }

    [Fact]
    public async Task WithinAsync_ExpectNoMsgWithoutDurationUpToTheEnd_Passes()
    {
        await using var kit = new TestKitBase(ConfigFactory.ParseString("actoripc.testkit.expect-no-message-default = 1s"));

        await kit.WithinAsync(TimeSpan.FromMilliseconds(100), () => kit.ExpectNoMsgAsync());
    }

    [Fact]
    public async Task WithinAsync_Result_ReturnsWhatTheBlockReturned()
    {
        TestActor.Tell(new Pong(5), null);

        var pong = await WithinAsync(TimeSpan.FromSeconds(1), () => ExpectMsgAsync<Pong>());

        Assert.Equal(5, pong.N);
    }

    [Fact]
    public async Task Remaining_InsideAndOutsideWithin_IsTimeLeftOrDilatedDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Remaining);

        await WithinAsync(TimeSpan.FromMilliseconds(500), () =>
        {
            Assert.InRange(Remaining, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500));
            return Task.CompletedTask;
        });

        Assert.Equal(TimeSpan.FromSeconds(3), Remaining);
    }

    [Fact]
    public async Task WithinAsync_Nested_InnerGetsNoMoreThanOuterHasLeft()
    {
        await WithinAsync(TimeSpan.FromMilliseconds(300), () =>
            WithinAsync(TimeSpan.FromSeconds(10), () =>
            {
                Assert.True(Remaining <= TimeSpan.FromMilliseconds(300));
                return Task.CompletedTask;
            }));
    }

    [Fact]
    public async Task WithinAsync_MinAboveMax_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => WithinAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), () => Task.CompletedTask));
    }
}
