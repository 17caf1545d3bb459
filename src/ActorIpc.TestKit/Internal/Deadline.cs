using System.Diagnostics;

namespace ActorIpc.TestKit;

/// <summary>A point in monotonic time, so waits made of several reads share one budget.</summary>
internal readonly record struct Deadline(long Timestamp)
{
    // Timers take at most int.MaxValue milliseconds (about 24.8 days); no test waits that long,
    // so longer durations are cut rather than rejected.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(20);

    public static Deadline After(TimeSpan duration)
    {
        var wait = duration < Longest ? duration : Longest;
        return new Deadline(Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>The time left, never negative.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Timestamp - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
        }
    }

    public static Deadline Earlier(Deadline a, Deadline b) => a.Timestamp <= b.Timestamp ? a : b;
}
