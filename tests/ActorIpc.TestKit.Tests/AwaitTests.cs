using Xunit.Sdk;

namespace ActorIpc.TestKit.Tests;

public sealed class AwaitTests : Xunit2.TestKit
{
    [Fact]
    public async Task AwaitAssertAsync_ActorMakesItTrue_Passes()
    {
        var counter = new Counter();
        var actor = ActorOf(Props.Create(() => new CountingActor(counter)));
        var attempts = 0;

        await AwaitAssertAsync(() =>
        {
            if (++attempts == 1)
            {
                actor.Tell("count", null);
            }

            Assert.Equal(1, counter.Value);
        });
    }

    [Fact]
    public async Task AwaitAssertAsync_AsyncAssertion_Passes()
    {
        var echo = ActorOf(Props.Create<EchoActor>());

        await AwaitAssertAsync(async () => Assert.Equal("hi", await echo.Ask<string>("hi")));
    }

    [Fact]
    public async Task AwaitAssertAsync_NeverPasses_RethrowsTheLastFailure()
    {
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<EqualException>(() =>
            AwaitAssertAsync(() => Assert.Equal(-1, ++attempts), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(20)));

        Assert.True(attempts > 1);
        Assert.Contains($"Actual:   {attempts}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitConditionAsync_ActorMakesItTrue_Passes()
    {
        var counter = new Counter();
        var actor = ActorOf(Props.Create(() => new CountingActor(counter)));
        actor.Tell("count", null);
        actor.Tell("count", null);

        await AwaitConditionAsync(() => counter.Value == 2);
    }

    [Fact]
    public async Task AwaitConditionAsync_NeverTrue_FailsWithTheMessage()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(100), message: "the cache is warm"));

        Assert.Matches(@"^AwaitConditionAsync: the condition was still false after \d+ ms: the cache is warm$", failure.Message);
    }

    [Fact]
    public async Task AwaitConditionAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AwaitConditionAsync(() => false, cancellationToken: cancellation.Token));
    }
}
