namespace ActorIpc.TestKit.Tests;

/// <summary>A clock stopped at one instant, in UTC, so log lines have a known timestamp.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;
}
