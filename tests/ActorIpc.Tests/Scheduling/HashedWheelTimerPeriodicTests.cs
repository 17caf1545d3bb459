using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>Periodic wheel entries, on a manual clock: cadence, cancellation from a run, failing runs.</summary>
public sealed class HashedWheelTimerPeriodicTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly List<Exception> _errors = [];
    private readonly HashedWheelTimer _wheel;

    public HashedWheelTimerPeriodicTests()
    {
        _wheel = new HashedWheelTimer(Tick, ticksPerWheel: 8, _errors.Add, manualClock: true);
    }

    public void Dispose() => _wheel.Dispose();

    [Fact]
    public void PeriodicEntry_PeriodOfThreeTicks_FiresEveryThirdTick()
    {
        var entry = new RecordingEntry(Tick * 3);
        _wheel.Schedule(entry, Tick * 3);

        var firedAt = new List<int>();
        for (var tick = 1; tick <= 13; tick++)
        {
            var before = entry.FireCount;
            _wheel.AdvanceTicks(1);
            if (entry.FireCount > before)
            {
                firedAt.Add(tick);
            }
        }

        Assert.Equal([3, 6, 9, 12], firedAt);
        Assert.False(entry.IsExpired);
        Assert.True(entry.Cancel());
        _wheel.AdvanceTicks(10);
        Assert.Equal(4, entry.FireCount);
    }

    [Fact]
    public void PeriodicEntry_PeriodShorterThanTick_FiresOncePerTick()
    {
        var entry = new RecordingEntry(TimeSpan.FromMilliseconds(3));
        _wheel.Schedule(entry, TimeSpan.FromMilliseconds(3));

        AdvanceTickByTick(5);

        Assert.Equal(5, entry.FireCount);
    }

    [Fact]
    public void PeriodicEntry_CancelledDuringItsRun_DoesNotRunAgain()
    {
        var entry = new RecordingEntry(Tick, self => Assert.True(self.Cancel()));
        _wheel.Schedule(entry, Tick);

        AdvanceTickByTick(5);

        Assert.Equal(1, entry.FireCount);
        Assert.True(entry.IsCancelled);
        Assert.Equal(0, _wheel.BucketedCount);
    }

    [Fact]
    public void PeriodicEntry_ThrowingRun_IsReportedAndRunsAgain()
    {
        var entry = new RecordingEntry(Tick, _ => throw new InvalidOperationException("periodic"));
        _wheel.Schedule(entry, Tick);

        AdvanceTickByTick(3);

        Assert.Equal(3, entry.FireCount);
        Assert.Equal(3, _errors.Count);
    }

    [Fact]
    public void PeriodicEntry_AfterPause_RunsOnceAndStaysOnItsGrid()
    {
        var entry = new RecordingEntry(Tick * 3);
        _wheel.Schedule(entry, Tick * 3);

        // A jump of 100 ms covers beats at 30, 60 and 90 ms: one run, not a burst.
        _wheel.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, entry.FireCount);

        _wheel.AdvanceTicks(1);
        Assert.Equal(1, entry.FireCount);
        _wheel.AdvanceTicks(1);
        Assert.Equal(2, entry.FireCount);
    }

    [Fact]
    public void PeriodicEntry_Walk_FiresEachBeatAtItsOwnTime()
    {
        var firedAt = new List<TimeSpan>();
        var entry = new RecordingEntry(Tick * 3, _ => firedAt.Add(_wheel.Elapsed));
        _wheel.Schedule(entry, Tick * 3);

        // The same 100 ms as the pause above, walked: the beats at 30, 60 and 90 ms each run,
        // and each sees the clock at its own time.
        _wheel.Walk(TimeSpan.FromMilliseconds(100));

        Assert.Equal([Tick * 3, Tick * 6, Tick * 9], firedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(100), _wheel.Elapsed);
        _wheel.AdvanceTicks(2);
        Assert.Equal(4, entry.FireCount);
    }

    [Fact]
    public void Walk_NothingToFire_JumpsToTheEnd()
    {
        _wheel.Walk(TimeSpan.FromDays(365));

        Assert.Equal(TimeSpan.FromDays(365), _wheel.Elapsed);
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick);
        _wheel.Walk(Tick);
        Assert.True(entry.Fired);
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
