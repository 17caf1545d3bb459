namespace ActorIpc.TestKit.Tests;

/// <summary>
/// A system created on a <see cref="ManualClock"/> runs its scheduler on it: what is scheduled
/// fires when the test moves the clock to its time, on the test's thread, and not before.
/// </summary>
/// <remarks>
/// What fires is a message put in a mailbox while <see cref="ManualClock.Advance"/> runs; a
/// marker sent after the move lands behind it. So "not yet" is checked by receiving the marker
/// first, without waiting for anything.
/// </remarks>
public sealed class VirtualTimeTests
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task ScheduledTell_FiresWhenTheClockReachesItsDeadline_NotBefore()
    {
        var clock = new ManualClock();
        await using var kit = new TestKitBase(timeProvider: clock);
        kit.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(5), kit.TestActor, "due", null);

        clock.Advance(TimeSpan.FromMinutes(5) - Millisecond);
        kit.TestActor.Tell("marker");
        await kit.ExpectMsgAsync("marker");

        clock.Advance(Millisecond);
        await kit.ExpectMsgAsync("due");
    }

    [Fact]
    public async Task Ask_TimesOutWhenTheClockReachesItsTimeout_NotBefore()
    {
        var clock = new ManualClock();
        await using var kit = new TestKitBase(timeProvider: clock);
        var callee = kit.CreateTestProbe("callee");

        // A reply a millisecond before the timeout still answers the Ask.
        var answered = callee.Ref.Ask<int>("first", TimeSpan.FromSeconds(30));
        await callee.ExpectMsgAsync("first");
        clock.Advance(TimeSpan.FromSeconds(30) - Millisecond);
        callee.LastSender.Tell(42);
        Assert.Equal(42, await answered);

        var unanswered = callee.Ref.Ask<int>("second", TimeSpan.FromSeconds(30));
        await callee.ExpectMsgAsync("second");
        clock.Advance(TimeSpan.FromSeconds(30));
        var timeout = await Assert.ThrowsAsync<AskTimeoutException>(() => unanswered);

        // The time waited is read from the same clock: exactly the timeout.
        Assert.Equal(TimeSpan.FromSeconds(30), timeout.Elapsed);
        Assert.Contains("after 30000 ms", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeriodicTimer_FiresOnceForEachBeatTheMoveCovers()
    {
        var clock = new ManualClock();
        await using var kit = new TestKitBase(timeProvider: clock);
        var beater = kit.Sys.ActorOf(Props.Create(() => new Beater(kit.TestActor)), "beater");
        await kit.ExpectMsgAsync("started");

        // Beats at 100, 200 and 300 ms; the next one, at 400 ms, is not due.
        clock.Advance(TimeSpan.FromMilliseconds(350));
        beater.Tell("marker");

        Assert.Equal(1, await kit.ExpectMsgAsync<int>());
        Assert.Equal(2, await kit.ExpectMsgAsync<int>());
        Assert.Equal(3, await kit.ExpectMsgAsync<int>());
        await kit.ExpectMsgAsync("marker");
    }

    [Fact]
    public async Task ReceiveTimeout_FiresWhenTheClockHasStoodIdleForIt()
    {
        var clock = new ManualClock();
        await using var kit = new TestKitBase(timeProvider: clock);
        var idler = kit.Sys.ActorOf(Props.Create(() => new Idler(kit.TestActor, TimeSpan.FromSeconds(2))), "idler");
        await kit.ExpectMsgAsync("started");

        clock.Advance(TimeSpan.FromSeconds(2) - Millisecond);
        idler.Tell(new Marker());
        await kit.ExpectMsgAsync<Marker>();

        clock.Advance(Millisecond);
        await kit.ExpectMsgAsync("timeout");
    }

    [Fact]
    public async Task Clock_MovesEverySystemOnIt_AndOutlivesThem()
    {
        var clock = new ManualClock();
        clock.Advance(TimeSpan.FromHours(1));
        await using var first = new TestKitBase(systemName: "first", timeProvider: clock);
        var second = new TestKitBase(systemName: "second", timeProvider: clock);
        try
        {
            // Each scheduler starts at the clock's time when its system is created.
            first.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), first.TestActor, "first", null);
            second.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), second.TestActor, "second", null);
            clock.Advance(TimeSpan.FromSeconds(1));
            await first.ExpectMsgAsync("first");
            await second.ExpectMsgAsync("second");
        }
        finally
        {
            await second.DisposeAsync();
        }

        // The terminated system is left behind; the other still follows the clock.
        first.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), first.TestActor, "again", null);
        clock.Advance(TimeSpan.FromSeconds(1));
        await first.ExpectMsgAsync("again");
    }

    private sealed record Marker : INotInfluenceReceiveTimeout;

    private sealed class Beater(IActorRef probe) : ActorBase, IWithTimers
    {
        private int _beats;

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            Timers.StartPeriodicTimer("beat", "beat", TimeSpan.FromMilliseconds(100));
            probe.Tell("started", Self);
        }

        protected override void OnReceive(object message) =>
            probe.Tell(message is "beat" ? ++_beats : message, Self);
    }

    private sealed class Idler(IActorRef probe, TimeSpan timeout) : ActorBase
    {
        protected override void PreStart()
        {
            Context.SetReceiveTimeout(timeout);
            probe.Tell("started", Self);
        }

        protected override void OnReceive(object message) =>
            probe.Tell(message is ReceiveTimeout ? "timeout" : message, Self);
    }
}
