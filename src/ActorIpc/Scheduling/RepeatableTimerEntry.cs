namespace ActorIpc.Scheduling;

/// <summary>A timer entry that can also repeat: it carries its period.</summary>
internal abstract class RepeatableTimerEntry : TimerEntry
{
    private readonly long _periodTicks;

    /// <summary>Creates a one-shot entry.</summary>
    protected RepeatableTimerEntry()
    {
    }

    /// <summary>Creates a periodic entry that fires every <paramref name="period"/> after its first deadline.</summary>
    protected RepeatableTimerEntry(TimeSpan period)
    {
        // The public entry points validate it with their own parameter names; this guards
        // the wheel, whose re-arm arithmetic divides by the period.
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "the period must be positive");
        }

        _periodTicks = period.Ticks;
    }

    /// <inheritdoc />
    internal sealed override long PeriodTicks => _periodTicks;
}
