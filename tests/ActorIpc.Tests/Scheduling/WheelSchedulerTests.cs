using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>The <see cref="IScheduler"/> surface over a wheel with a manual clock.</summary>
public sealed class WheelSchedulerTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly List<Exception> _errors = [];
    private readonly HashedWheelTimer _wheel;
    private readonly WheelScheduler _scheduler;
    private readonly RecordingActorRef _receiver = new("receiver");
    private readonly RecordingActorRef _sender = new("sender");

    public WheelSchedulerTests()
    {
        _wheel = new HashedWheelTimer(Tick, ticksPerWheel: 16, _errors.Add, manualClock: true);
        _scheduler = new WheelScheduler(_wheel);
    }

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void ScheduleTellOnce_AfterDelay_TellsReceiverOnceWithSender()
    {
        var task = _scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(30), _receiver, "hello", _sender);

        _wheel.AdvanceTicks(2);
        Assert.Equal(0, _receiver.Count);

        _wheel.AdvanceTicks(10);
        var (message, sender) = Assert.Single(_receiver.Received);
        Assert.Equal("hello", message);
        Assert.Same(_sender, sender);
        Assert.False(task.Cancel());
        Assert.False(task.IsCancellationRequested);
    }

    [Fact]
    public void ScheduleTellOnce_CancelledBeforeDelay_SendsNothing()
    {
        var task = _scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(30), _receiver, "hello", null);
        _wheel.AdvanceTicks(1);

        Assert.True(task.Cancel());
        Assert.True(task.IsCancellationRequested);
        _wheel.AdvanceTicks(5);
        Assert.Equal(0, _receiver.Count);
    }

    [Fact]
    public void ScheduleTellRepeatedly_UntilCancelled_SendsAtEachInterval()
    {
        var task = _scheduler.ScheduleTellRepeatedly(Tick, Tick * 2, _receiver, "tick", null);

        AdvanceTickByTick(7);
        Assert.Equal(4, _receiver.Count);

        Assert.True(task.Cancel());
        AdvanceTickByTick(10);
        Assert.Equal(4, _receiver.Count);
        Assert.False(task.Cancel());
    }

    [Fact]
    public void ScheduleRepeatedly_IntervalNotMultipleOfTick_KeepsCadenceWithoutDrift()
    {
        var firedAt = new List<int>();
        var tick = 0;
        _scheduler.ScheduleRepeatedly(TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(25), () => firedAt.Add(tick));

        for (tick = 1; tick <= 20; tick++)
        {
            _wheel.AdvanceTicks(1);
        }

        // Deadlines 25, 50, 75 ... ms, each fired at the first tick boundary at or after it;
        // rescheduling from the firing time (30 + 25 = 55 → tick 6) would drift.
        Assert.Equal([3, 5, 8, 10, 13, 15, 18, 20], firedAt);
    }

    [Fact]
    public void ScheduleRepeatedly_AfterPause_SkipsMissedBeatsAndKeepsPhase()
    {
        var count = 0;
        _scheduler.ScheduleRepeatedly(Tick * 4, Tick * 4, () => count++);

        // A pause of 3.5 intervals: one run for the whole pause, not a burst of three.
        _wheel.Advance(TimeSpan.FromMilliseconds(140));
        Assert.Equal(1, count);

        // The next beats stay on the original grid: 160 ms, 200 ms.
        _wheel.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Equal(1, count);
        _wheel.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, count);
        _wheel.AdvanceTicks(4);
        Assert.Equal(3, count);
    }

    [Fact]
    public void ScheduleRepeatedly_ActionThrows_IsReportedAndKeepsRunning()
    {
        var runs = 0;
        _scheduler.ScheduleRepeatedly(Tick, Tick, () =>
        {
            runs++;
            throw new InvalidOperationException($"run {runs}");
        });

        AdvanceTickByTick(3);

        Assert.Equal(3, runs);
        Assert.Equal(["run 1", "run 2", "run 3"], _errors.Select(error => error.Message));
    }

    [Fact]
    public void ScheduleOnce_ActionThrows_IsReportedAndOtherTasksRun()
    {
        var ran = false;
        _scheduler.ScheduleOnce(Tick, () => throw new InvalidOperationException("once"));
        _scheduler.ScheduleOnce(Tick, () => ran = true);

        _wheel.AdvanceTicks(1);

        Assert.True(ran);
        Assert.Equal("once", Assert.Single(_errors).Message);
    }

    [Fact]
    public void ScheduleRepeatedly_CancelledByItsOwnAction_StopsRunning()
    {
        ICancelable? task = null;
        var runs = 0;
        task = _scheduler.ScheduleRepeatedly(Tick, Tick, () =>
        {
            if (++runs == 2)
            {
                Assert.True(task!.Cancel());
            }
        });

        AdvanceTickByTick(6);

        Assert.Equal(2, runs);
        Assert.True(task.IsCancellationRequested);
    }

    [Fact]
    public void ScheduleOnce_InfiniteDelay_NeverRunsAndCancelReturnsTrueOnce()
    {
        var ran = false;
        var task = _scheduler.ScheduleOnce(Timeout.InfiniteTimeSpan, () => ran = true);

        _wheel.Advance(TimeSpan.FromDays(10));

        Assert.False(ran);
        Assert.False(task.IsCancellationRequested);
        Assert.True(task.Cancel());
        Assert.False(task.Cancel());
    }

    [Fact]
    public void ScheduleOnce_NegativeDelay_ThrowsNamingDelay()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.ScheduleOnce(TimeSpan.FromTicks(-1), () => { }));

        Assert.Equal("delay", exception.ParamName);
    }

    [Fact]
    public void ScheduleTellOnce_NegativeDelay_ThrowsNamingDelay()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(-1), _receiver, "m", null));

        Assert.Equal("delay", exception.ParamName);
    }

    [Fact]
    public void ScheduleTellRepeatedly_NegativeInitialDelay_ThrowsNamingInitialDelay()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(-1), Tick, _receiver, "m", null));

        Assert.Equal("initialDelay", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void ScheduleRepeatedly_IntervalNotPositive_ThrowsNamingInterval(int intervalMs)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.ScheduleRepeatedly(Tick, TimeSpan.FromMilliseconds(intervalMs), () => { }));

        Assert.Equal("interval", exception.ParamName);
    }

    [Fact]
    public void ScheduleTellOnce_NullMessage_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => _scheduler.ScheduleTellOnce(Tick, _receiver, null!, null));
    }

    [Fact]
    public void Schedule_TimerEntry_PassesThroughToTheWheel()
    {
        var entry = new RecordingEntry();
        _scheduler.Schedule(entry, Tick * 2);

        _wheel.AdvanceTicks(2);

        Assert.True(entry.Fired);
    }

    [Fact]
    public void Elapsed_FollowsTheWheelClock()
    {
        _wheel.Advance(TimeSpan.FromMilliseconds(1234));

        Assert.Equal(TimeSpan.FromMilliseconds(1234), _scheduler.Elapsed);
    }

    [Fact]
    public void Dispose_WithScheduledTasks_TheyNeverRun()
    {
        var ran = false;
        _scheduler.ScheduleOnce(Tick, () => ran = true);

        _scheduler.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _wheel.AdvanceTicks(1));
        Assert.False(ran);
    }

    // One jump of the manual clock acts as a pause, after which a periodic entry skips the
    // beats it missed; stepping one tick at a time observes every beat.
    private void AdvanceTickByTick(int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            _wheel.AdvanceTicks(1);
        }
    }
}
