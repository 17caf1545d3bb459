using ActorIpc.Remote.Detection;

namespace ActorIpc.Remote.Tests.Detection;

public sealed class PhiAccrualFailureDetectorTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void Phi_BeforeFirstHeartbeat_IsZeroAndAvailable()
    {
        var detector = Create();

        Assert.Equal(0, detector.Phi(10 * Second));
        Assert.True(detector.IsAvailable(10 * Second));
        Assert.False(detector.IsMonitoring);
    }

    [Fact]
    public void Phi_RegularHeartbeats_StaysLowUntilTheyStop()
    {
        var detector = Create();
        var now = 0L;
        for (var i = 0; i < 20; i++)
        {
            detector.Heartbeat(now);
            now += Second;
        }

        Assert.True(detector.IsAvailable(now));
        Assert.True(detector.Phi(now) < 1, $"phi {detector.Phi(now)} one interval after the last beat");

        // Silence well past the mean plus the acceptable pause.
        Assert.False(detector.IsAvailable(now + (10 * Second)));
    }

    [Fact]
    public void Phi_GrowsWithSilence()
    {
        var detector = Create();
        for (var i = 0; i < 10; i++)
        {
            detector.Heartbeat(i * Second);
        }

        var last = 9 * Second;
        var earlier = detector.Phi(last + (2 * Second));
        var later = detector.Phi(last + (4 * Second));

        Assert.True(later > earlier, $"phi {later} at 4 s should exceed {earlier} at 2 s");
    }

    [Fact]
    public void Phi_JitteryPeer_GetsMoreSlackThanARegularOne()
    {
        var regular = Create();
        var jittery = Create();
        long regularNow = 0, jitteryNow = 0;
        for (var i = 0; i < 50; i++)
        {
            regular.Heartbeat(regularNow);
            jittery.Heartbeat(jitteryNow);
            regularNow += Second;
            jitteryNow += i % 2 == 0 ? Second / 4 : (7 * Second) / 4;
        }

        var silence = 3 * Second;
        Assert.True(jittery.Phi(jitteryNow + silence) < regular.Phi(regularNow + silence));
    }

    [Fact]
    public void Constructor_InvalidSettings_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhiAccrualFailureDetector(0, 100, TimeSpan.FromMilliseconds(100), TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhiAccrualFailureDetector(8, 0, TimeSpan.FromMilliseconds(100), TimeSpan.Zero, TimeSpan.FromSeconds(1)));
    }

    private static PhiAccrualFailureDetector Create() =>
        new(threshold: 8, maxSampleSize: 200, minStdDeviation: TimeSpan.FromMilliseconds(100), acceptablePause: TimeSpan.FromSeconds(1), firstHeartbeatEstimate: TimeSpan.FromSeconds(1));
}
