namespace ActorIpc;

/// <summary>
/// How a backoff supervisor restarts its child: after <see cref="MinBackoff"/>, doubling up to
/// <see cref="MaxBackoff"/> for each restart in a row, each delay stretched by a random share
/// of up to <see cref="RandomFactor"/> (jitter, so that many supervisors do not retry in step).
/// The count starts over once the child has run for <see cref="ResetAfter"/>.
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ActorName.ValidateActorName(childName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(randomFactor, 1.0);
        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetAfter = minBackoff;
    }

    /// <summary>When the child is started again.</summary>
    public BackoffMode Mode { get; }

    /// <summary>How the child is created.</summary>
    public Props ChildProps { get; }

    /// <summary>The child's name (kept across restarts).</summary>
    public string ChildName { get; }

    /// <summary>The first delay.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The longest delay.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Jitter: each delay is stretched by a random share of up to this factor (0 to 1).</summary>
    public double RandomFactor { get; }

    /// <summary>How long the child must run before the restart count starts over.</summary>
    public TimeSpan ResetAfter { get; init; }

    /// <summary>Restarts in a row allowed before the supervisor gives up and stops; negative for no limit.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>Restart the child whenever it stops.</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Restart the child when it fails.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based), with <paramref name="random"/> in [0, 1).</summary>
    internal TimeSpan DelayFor(int restartCount, double random)
    {
        var exponential = MinBackoff.Ticks * Math.Pow(2, Math.Min(restartCount, 30));
        var capped = Math.Min(MaxBackoff.Ticks, exponential);
        var jittered = capped * (1 + (random * RandomFactor));
        return TimeSpan.FromTicks((long)Math.Min(jittered, TimeSpan.MaxValue.Ticks / 2));
    }
}
