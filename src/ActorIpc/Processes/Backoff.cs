namespace ActorIpc;

/// <summary>How long a replica waits before its next restart: exponential in its recent restarts, capped, with jitter.</summary>
internal static class Backoff
{
    /// <summary>
    /// The wait before a restart that follows <paramref name="recentRestarts"/> restarts within the
    /// policy's window: <c>min-backoff × 2^recentRestarts</c>, at most <c>max-backoff</c>, plus
    /// <c>random × random-factor</c> of it.
    /// </summary>
    /// <param name="policy">The restart policy.</param>
    /// <param name="recentRestarts">Restarts already made within the window, 0 for the first.</param>
    /// <param name="random">A number in [0, 1): the jitter drawn for this restart.</param>
    public static TimeSpan Delay(RestartPolicy policy, int recentRestarts, double random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(recentRestarts);

        // Doubling past 2^62 overflows the ticks; by then the cap has long applied.
        var doubled = policy.MinBackoff.Ticks * Math.Pow(2, Math.Min(recentRestarts, 62));
        var capped = Math.Min(policy.MaxBackoff.Ticks, doubled);
        var jittered = capped * (1 + (random * policy.RandomFactor));
        return jittered >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)jittered);
    }
}
