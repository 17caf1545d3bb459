using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class TimersTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task StartSingleTimer_DeliversOnce()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));

        actor.Tell("single", TestActor);

        await ExpectMsgAsync("tick");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task StartPeriodicTimer_KeepsFiringUntilCancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));

        actor.Tell("periodic", TestActor);
        await ExpectMsgAsync("tick");
        await ExpectMsgAsync("tick");
        actor.Tell("cancel", TestActor);
        await FishForMessageAsync(m => Equals(m, "cancelled"));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Timers_ActorRestarts_TimersAreCancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell("periodic", TestActor);
        await ExpectMsgAsync("tick");

        actor.Tell("crash", TestActor);
        await FishForMessageAsync(m => Equals(m, "restarted"));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ScheduleTellOnce_SendsAfterTheDelay()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), TestActor, "later", null);

        await ExpectMsgAsync("later");
        Assert.False(cancelable.Cancel());
    }

    private sealed class TimerActor(IActorRef probe) : ActorBase, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PostRestart(Exception reason) => probe.Tell("restarted", Self);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "single":
                    Timers.StartSingleTimer("key", "tick", TimeSpan.FromMilliseconds(20));
                    break;
                case "periodic":
                    Timers.StartPeriodicTimer("key", "tick", TimeSpan.FromMilliseconds(20));
                    break;
                case "cancel":
                    Timers.Cancel("key");
                    probe.Tell("cancelled", Self);
                    break;
                case "crash":
                    throw new InvalidOperationException("crash");
                case "tick":
                    probe.Tell("tick", Self);
                    break;
            }
        }
    }
}
