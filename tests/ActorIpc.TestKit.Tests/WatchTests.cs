namespace ActorIpc.TestKit.Tests;

public sealed class WatchTests : Xunit2.TestKit
{
    [Fact]
    public async Task ExpectTerminatedAsync_WatchedActorStops_ReturnsTerminated()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Watch(echo);

        Sys.Stop(echo);

        var terminated = await ExpectTerminatedAsync(echo);
        Assert.Equal(echo, terminated.ActorRef);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_AlreadyStoppedActor_StillReportsIt()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        var probe = CreateTestProbe();
        probe.Watch(echo);
        Sys.Stop(echo);
        await probe.ExpectTerminatedAsync(echo);

        Watch(echo);

        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_OtherMessage_FailsNamingBoth()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "alive");
        TestActor.Tell(new Ping(), null);

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectTerminatedAsync(echo));

        Assert.StartsWith("ExpectTerminatedAsync: expected Terminated of [actoripc://test/user/alive#", failure.Message);
        Assert.Contains("got Ping { Text = ping }", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_ActorKeepsRunning_TimesOut()
    {
        var echo = Watch(ActorOf(Props.Create<EchoActor>(), "alive"));

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectTerminatedAsync(echo, TimeSpan.FromMilliseconds(100)));

        Assert.StartsWith("ExpectTerminatedAsync: timed out after 100 ms waiting for Terminated of [actoripc://test/user/alive#", failure.Message);
    }

    [Fact]
    public async Task Unwatch_ThenStop_NoTerminated()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Watch(echo);

        Unwatch(echo);
        Sys.Stop(echo);

        // A second watcher proves the actor has stopped before the silence is checked.
        var probe = CreateTestProbe();
        probe.Watch(echo);
        await probe.ExpectTerminatedAsync(echo);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unwatch_AfterStop_DropsTheQueuedTerminated()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        var probe = CreateTestProbe();
        probe.Watch(echo);
        Sys.Stop(echo);
        await probe.ExpectTerminatedAsync(echo);

        Unwatch(echo);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Watch_AfterUnwatch_ReportsTerminationAgain()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Watch(echo);
        Unwatch(echo);

        Watch(echo);
        Sys.Stop(echo);

        await ExpectTerminatedAsync(echo);
    }
}
