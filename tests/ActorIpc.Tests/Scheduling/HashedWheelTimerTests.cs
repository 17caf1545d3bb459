using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>The wheel's logic, on a manual clock: every expiry is checked at an exact tick.</summary>
public sealed class HashedWheelTimerTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly List<Exception> _errors = [];
    private readonly HashedWheelTimer _wheel;

    public HashedWheelTimerTests()
    {
        _wheel = new HashedWheelTimer(Tick, ticksPerWheel: 8, _errors.Add, manualClock: true);
    }

    public void Dispose() => _wheel.Dispose();

    [Fact]
    public void Schedule_DelayOfThreeTicks_FiresAtThirdTickNotBefore()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick * 3);

        _wheel.AdvanceTicks(2);
        Assert.False(entry.Fired);
        _wheel.Advance(Tick - TimeSpan.FromTicks(1));
        Assert.False(entry.Fired);

        _wheel.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, entry.FireCount);
        Assert.True(entry.IsExpired);
        Assert.Equal(3, _wheel.CurrentTick);
    }

    [Fact]
    public void Schedule_DelayBetweenTicks_FiresAtFollowingTickBoundary()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, TimeSpan.FromMilliseconds(25));

        _wheel.AdvanceTicks(2);
        Assert.False(entry.Fired);

        _wheel.AdvanceTicks(1);
        Assert.True(entry.Fired);
    }

    [Fact]
    public void Schedule_ZeroDelay_FiresAtNextTick()
    {
        _wheel.Advance(TimeSpan.FromMilliseconds(3));
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, TimeSpan.Zero);
        Assert.False(entry.Fired);

        _wheel.Advance(TimeSpan.FromMilliseconds(7));
        Assert.True(entry.Fired);
    }

    [Fact]
    public void Schedule_DelayBeyondOneTurn_WaitsForItsRound()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick * 20);

        // The wheel has 8 buckets: the entry's bucket comes round at ticks 4 and 12 first.
        _wheel.AdvanceTicks(19);
        Assert.False(entry.Fired);
        Assert.Equal(1, _wheel.BucketedCount);

        _wheel.AdvanceTicks(1);
        Assert.True(entry.Fired);
        Assert.Equal(0, _wheel.BucketedCount);
    }

    [Fact]
    public void Schedule_EntriesOfDifferentRoundsInOneBucket_EachFiresAtItsOwnTick()
    {
        var entries = new[] { 3, 11, 19, 27 }.Select(ticks =>
        {
            var entry = new RecordingEntry();
            _wheel.Schedule(entry, Tick * ticks);
            return (Ticks: ticks, Entry: entry);
        }).ToList();

        for (var tick = 1; tick <= 27; tick++)
        {
            _wheel.AdvanceTicks(1);
            foreach (var (ticks, entry) in entries)
            {
                Assert.Equal(ticks <= tick ? 1 : 0, entry.FireCount);
            }
        }
    }

    [Fact]
    public void Schedule_ManyEntriesInOneBucket_AllFireAtTheirTick()
    {
        var entries = Enumerable.Range(0, 10_000).Select(_ => new RecordingEntry()).ToList();
        foreach (var entry in entries)
        {
            _wheel.Schedule(entry, Tick * 5);
        }

        _wheel.AdvanceTicks(4);
        Assert.All(entries, entry => Assert.False(entry.Fired));
        Assert.Equal(10_000, _wheel.BucketedCount);

        _wheel.AdvanceTicks(1);
        Assert.All(entries, entry => Assert.Equal(1, entry.FireCount));
        Assert.Equal(0, _wheel.BucketedCount);
    }

    [Fact]
    public void Advance_PastManyDeadlines_FiresEverythingDueInDeadlineOrder()
    {
        var order = new List<int>();
        for (var ticks = 30; ticks >= 1; ticks--)
        {
            var expected = ticks;
            _wheel.Schedule(new RecordingEntry(_ => order.Add(expected)), Tick * ticks);
        }

        var late = new RecordingEntry();
        _wheel.Schedule(late, Tick * 31);

        // One jump, as after a pause of the process: every missed tick is processed in turn.
        _wheel.AdvanceTicks(30);

        Assert.Equal(Enumerable.Range(1, 30), order);
        Assert.False(late.Fired);
    }

    [Fact]
    public void Cancel_WhilePending_ReturnsTrueAndEntryNeverReachesABucket()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick * 3);
        Assert.Equal(1, _wheel.PendingCount);

        Assert.True(entry.Cancel());
        Assert.True(entry.IsCancelled);

        _wheel.AdvanceTicks(1);
        Assert.Equal(0, _wheel.PendingCount);
        Assert.Equal(0, _wheel.BucketedCount);

        _wheel.AdvanceTicks(5);
        Assert.False(entry.Fired);
        Assert.False(entry.IsExpired);
    }

    [Fact]
    public void Cancel_WhileInBucket_EntryIsUnlinkedAtNextTick()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, TimeSpan.FromSeconds(30));
        _wheel.AdvanceTicks(1);
        Assert.Equal(1, _wheel.BucketedCount);

        Assert.True(entry.Cancel());

        // Not left in memory until its 30 s deadline comes round.
        _wheel.AdvanceTicks(1);
        Assert.Equal(0, _wheel.BucketedCount);
        _wheel.Advance(TimeSpan.FromSeconds(31));
        Assert.False(entry.Fired);
    }

    [Fact]
    public void Cancel_AfterExpiry_ReturnsFalse()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick);
        _wheel.AdvanceTicks(1);

        Assert.False(entry.Cancel());
        Assert.False(entry.IsCancelled);
        Assert.True(entry.IsExpired);
    }

    [Fact]
    public void Cancel_Twice_SecondCallReturnsFalse()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick * 2);

        Assert.True(entry.Cancel());
        Assert.False(entry.Cancel());
    }

    [Fact]
    public void Cancel_BeforeSchedule_EntryIsIgnoredAndNeverFires()
    {
        var entry = new RecordingEntry();
        Assert.True(entry.Cancel());

        _wheel.Schedule(entry, Tick);
        Assert.Equal(0, _wheel.PendingCount);
        _wheel.AdvanceTicks(2);
        Assert.False(entry.Fired);
    }

    [Fact]
    public void Cancel_FromAnotherEntrysExpiryInSameBucket_PreventsIt()
    {
        var victim = new RecordingEntry();
        var killer = new RecordingEntry(_ => Assert.True(victim.Cancel()));
        _wheel.Schedule(killer, Tick * 2);
        _wheel.Schedule(victim, Tick * 2);

        _wheel.AdvanceTicks(2);

        Assert.True(killer.Fired);
        Assert.False(victim.Fired);
        Assert.True(victim.IsCancelled);
    }

    [Fact]
    public void Schedule_SameEntryTwice_ThrowsInvalidOperation()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Tick);

        Assert.Throws<InvalidOperationException>(() => _wheel.Schedule(entry, Tick));
    }

    [Fact]
    public void Schedule_NegativeDelay_ThrowsNamingDelay()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _wheel.Schedule(new RecordingEntry(), TimeSpan.FromMilliseconds(-5)));

        Assert.Equal("delay", exception.ParamName);
    }

    [Fact]
    public void Schedule_InfiniteDelay_NeverFiresHoldsNothingAndCanBeCancelled()
    {
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, Timeout.InfiniteTimeSpan);

        Assert.Equal(0, _wheel.PendingCount);
        _wheel.Advance(TimeSpan.FromDays(1));
        Assert.False(entry.Fired);
        Assert.True(entry.Cancel());
    }

    [Fact]
    public void Schedule_MaximumDelay_DoesNotOverflowOrFire()
    {
        _wheel.AdvanceTicks(3);
        var entry = new RecordingEntry();
        _wheel.Schedule(entry, TimeSpan.MaxValue);

        _wheel.AdvanceTicks(100);
        Assert.False(entry.Fired);
        Assert.Equal(1, _wheel.BucketedCount);
    }

    [Fact]
    public void Expire_Throws_ErrorIsReportedAndOtherEntriesStillFire()
    {
        var boom = new InvalidOperationException("boom");
        var before = new RecordingEntry();
        var throwing = new RecordingEntry(_ => throw boom);
        var after = new RecordingEntry();
        _wheel.Schedule(before, Tick);
        _wheel.Schedule(throwing, Tick);
        _wheel.Schedule(after, Tick);
        var later = new RecordingEntry();
        _wheel.Schedule(later, Tick * 2);

        _wheel.AdvanceTicks(2);

        Assert.Same(boom, Assert.Single(_errors));
        Assert.True(before.Fired);
        Assert.True(after.Fired);
        Assert.True(later.Fired);
    }

    [Fact]
    public void ErrorCallback_Throws_WheelKeepsGoing()
    {
        using var wheel = new HashedWheelTimer(Tick, 8, _ => throw new InvalidOperationException("callback"), manualClock: true);
        var throwing = new RecordingEntry(_ => throw new InvalidOperationException("entry"));
        var other = new RecordingEntry();
        wheel.Schedule(throwing, Tick);
        wheel.Schedule(other, Tick * 2);

        wheel.AdvanceTicks(2);

        Assert.True(other.Fired);
    }

    [Fact]
    public void Schedule_FromAnExpiry_FiresAtALaterTick()
    {
        var second = new RecordingEntry();
        var first = new RecordingEntry(_ => _wheel.Schedule(second, TimeSpan.Zero));
        _wheel.Schedule(first, Tick);

        _wheel.AdvanceTicks(1);
        Assert.True(first.Fired);
        Assert.False(second.Fired);

        _wheel.AdvanceTicks(1);
        Assert.True(second.Fired);
    }

    [Fact]
    public void Stop_WithUnfiredEntries_ReturnsThemAndTheyNeverFire()
    {
        var pending = new RecordingEntry();
        var bucketed = new RecordingEntry();
        var cancelled = new RecordingEntry();
        _wheel.Schedule(bucketed, Tick * 5);
        _wheel.Schedule(cancelled, Tick * 5);
        _wheel.AdvanceTicks(1);
        _wheel.Schedule(pending, Tick * 5);
        cancelled.Cancel();

        var unfired = _wheel.Stop();

        Assert.Equal(2, unfired.Count);
        Assert.Contains(pending, unfired);
        Assert.Contains(bucketed, unfired);
        Assert.Empty(_wheel.Stop());
        Assert.False(pending.Fired);
        Assert.False(bucketed.Fired);
    }

    [Fact]
    public void Schedule_AfterStop_ThrowsObjectDisposed()
    {
        _wheel.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _wheel.Schedule(new RecordingEntry(), Tick));
        Assert.Throws<ObjectDisposedException>(() => _wheel.AdvanceTicks(1));
    }

    [Fact]
    public void Advance_OnWheelWithRealClock_ThrowsInvalidOperation()
    {
        using var wheel = new HashedWheelTimer(Tick, 8, _errors.Add);

        Assert.Throws<InvalidOperationException>(() => wheel.AdvanceTicks(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(-4)]
    public void Constructor_TicksPerWheelNotPowerOfTwo_ThrowsNamingIt(int ticksPerWheel)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedWheelTimer(Tick, ticksPerWheel, _errors.Add, manualClock: true));

        Assert.Equal("ticksPerWheel", exception.ParamName);
    }

    [Fact]
    public void Constructor_TickShorterThanOneMillisecond_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedWheelTimer(TimeSpan.FromMicroseconds(500), 8, _errors.Add, manualClock: true));

        Assert.Equal("tickDuration", exception.ParamName);
    }
}
