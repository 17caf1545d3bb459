namespace ActorIpc.TestKit.Tests;

public sealed class FishForMessageTests : Xunit2.TestKit
{
    [Fact]
    public async Task FishForMessageAsync_MatchAfterOthers_SkipsThemAndReturnsMatch()
    {
        TestActor.Tell(new Ping("a"), null);
        TestActor.Tell("noise", null);
        TestActor.Tell(new Pong(3), null);
        TestActor.Tell(new Pong(4), null);

        var found = await FishForMessageAsync(m => m is Pong);

        Assert.Equal(new Pong(3), found);
        Assert.Equal(new Pong(4), await ExpectMsgAsync<Pong>());
    }

    [Fact]
    public async Task FishForMessageAsync_Typed_SkipsOtherTypesAndNonMatching()
    {
        TestActor.Tell(new Ping(), null);
        TestActor.Tell(new Pong(1), null);
        TestActor.Tell(new Pong(2), null);

        var found = await FishForMessageAsync<Pong>(p => p.N == 2);

        Assert.Equal(2, found.N);
    }

    [Fact]
    public async Task FishForMessageAsync_NoMatch_FailsListingSkippedMessages()
    {
        TestActor.Tell(new Ping("a"), null);
        TestActor.Tell(new Ping("b"), null);
        await this.QueuedAsync(2);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => FishForMessageAsync(m => m is Pong, TimeSpan.FromMilliseconds(100), "a Pong"));

        Assert.StartsWith("FishForMessageAsync: timed out after 100 ms waiting for a message matching the predicate (a Pong); skipped 2 message(s): Ping { Text = a } from ", failure.Message);
        Assert.Contains("Ping { Text = b }", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FishForMessageAsync_TypedNoMatch_FailsNamingType()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => FishForMessageAsync<Pong>(p => p.N == 9, TimeSpan.FromMilliseconds(50)));

        Assert.Equal("FishForMessageAsync<Pong>: timed out after 50 ms waiting for a message of type Pong matching the predicate; skipped 0 message(s): none", failure.Message);
    }
}
