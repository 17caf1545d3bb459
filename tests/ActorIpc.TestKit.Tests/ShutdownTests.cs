namespace ActorIpc.TestKit.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task ShutdownAsync_IdleSystem_TerminatesIt()
    {
        var kit = new TestKitBase();

        await kit.ShutdownAsync();
        await kit.ShutdownAsync();

        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task DisposeAsync_GivenSystem_TerminatesIt()
    {
        var system = ActorSystem.Create("given");
        var kit = new TestKitBase(system);
        kit.TestActor.Tell(new Pong(), null);
        await kit.ExpectMsgAsync<Pong>();

        await kit.DisposeAsync();

        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task ShutdownAsync_ActorStuckInPostStop_FailsNamingTheSystem()
    {
        using var gate = new ManualResetEventSlim();
        var kit = new TestKitBase(systemName: "stuck");
        kit.ActorOf(Props.Create(() => new StuckInPostStopActor(gate)));

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.ShutdownAsync(TimeSpan.FromMilliseconds(100)));
        gate.Set();
        await kit.ShutdownAsync();

        Assert.StartsWith("ShutdownAsync: the actor system 'stuck' did not terminate within 100 ms", failure.Message);
    }

    [Fact]
    public async Task ExpectMsgAsync_AfterShutdown_FailsAtOnceSayingTheProbeStopped()
    {
        var kit = new TestKitBase();
        await kit.ShutdownAsync();

        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.ExpectMsgAsync<Pong>(TimeSpan.FromSeconds(5)));

        Assert.StartsWith("ExpectMsgAsync<Pong>: the probe's actor [actoripc://test/user/testActor#", failure.Message);
        Assert.Contains("has stopped", failure.Message, StringComparison.Ordinal);
    }
}
