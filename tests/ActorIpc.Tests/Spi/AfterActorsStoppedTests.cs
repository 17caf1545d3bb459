using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class AfterActorsStoppedTests
{
    [Fact]
    public async Task Tasks_RunAfterTheLastPostStop_InReverseOrder_BeforeWhenTerminated()
    {
        var system = ActorSystem.Create("hooks");
        var events = new List<string>();
        system.ActorOf(Props.Create(() => new RecordsPostStop(events)), "last");
        var spi = ActorSystemSpi.For(system);
        spi.AddAfterActorsStopped("first-added", async _ =>
        {
            await Task.Yield();
            lock (events)
            {
                events.Add($"first-added (terminated: {system.WhenTerminated.IsCompleted})");
            }
        });
        spi.AddAfterActorsStopped("second-added", _ =>
        {
            lock (events)
            {
                events.Add("second-added");
            }

            return Task.CompletedTask;
        });

        await system.Terminate();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(["PostStop", "second-added", "first-added (terminated: False)"], events);
    }

    [Fact]
    public async Task AFailingTask_IsLogged_AndTheOthersStillRun()
    {
        var system = ActorSystem.Create("failing-hook");
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var spi = ActorSystemSpi.For(system);
        spi.AddAfterActorsStopped("still-runs", _ =>
        {
            ran.SetResult();
            return Task.CompletedTask;
        });
        spi.AddAfterActorsStopped("throws", _ => throw new InvalidOperationException("broken hook"));

        await system.Terminate();

        Assert.True(ran.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AddingAfterTermination_Throws_NamingTheSystem()
    {
        var system = ActorSystem.Create("gone");
        await system.Terminate();

        var error = Assert.Throws<InvalidOperationException>(() => ActorSystemSpi.For(system).AddAfterActorsStopped("late", _ => Task.CompletedTask));

        Assert.Contains("'late'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gone", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordsPostStop(List<string> events) : ReceiveActor
    {
        protected override void PostStop()
        {
            lock (events)
            {
                events.Add("PostStop");
            }
        }
    }
}
