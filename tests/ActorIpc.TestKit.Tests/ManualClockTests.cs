namespace ActorIpc.TestKit.Tests;

public sealed class ManualClockTests
{
    [Fact]
    public void Advance_MovesTimestampsAndWallClockTogether()
    {
        var start = new DateTimeOffset(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));
        clock.Advance(TimeSpan.FromTicks(1));

        var moved = TimeSpan.FromSeconds(90) + TimeSpan.FromTicks(1);
        Assert.Equal(moved, clock.GetElapsedTime(before));
        Assert.Equal(moved, clock.Elapsed);
        Assert.Equal(start + moved, clock.GetUtcNow());
    }

    [Fact]
    public void StandsStill_UntilMoved()
    {
        var clock = new ManualClock();
        var first = clock.GetTimestamp();

        Assert.Equal(first, clock.GetTimestamp());
        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, clock.GetElapsedTime(first));
    }

    [Fact]
    public void Start_InAnotherOffset_IsKeptAsUtc()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Same(TimeZoneInfo.Utc, clock.LocalTimeZone);
    }

    [Fact]
    public void Advance_Negative_IsRefusedAndTheClockStays()
    {
        var clock = new ManualClock();
        clock.Advance(TimeSpan.FromSeconds(1));

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));

        Assert.Equal("duration", thrown.ParamName);
        Assert.Contains("only moves forward", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public void CreateTimer_IsNotSupported_WithTheReason()
    {
        var clock = new ManualClock();

        var thrown = Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan));

        Assert.Contains("Advance", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_FromManyThreads_AddsUpEveryMove()
    {
        var clock = new ManualClock();
        using var go = new ManualResetEventSlim();
        var movers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            go.Wait();
            for (var i = 0; i < 10_000; i++)
            {
                clock.Advance(TimeSpan.FromTicks(1));
            }
        })).ToArray();

        go.Set();
        await Task.WhenAll(movers);

        Assert.Equal(TimeSpan.FromTicks(40_000), clock.Elapsed);
    }

    [Fact]
    public async Task TheKit_GivesItsClockToTheSystem()
    {
        var clock = new ManualClock();
        await using var kit = new TestKitBase(timeProvider: clock);
        await using var plain = new TestKitBase();

        Assert.Same(clock, kit.Sys.TimeProvider);
        Assert.Same(TimeProvider.System, plain.Sys.TimeProvider);
    }
}
