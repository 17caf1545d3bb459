namespace ActorIpc.Remote.Detection;

/// <summary>
/// Decides whether a peer is alive from the arrival times of its heartbeats (the phi accrual
/// detector): phi grows the longer a heartbeat is overdue, measured against the mean and spread
/// of the intervals seen so far, so a peer with a jittery network is given more slack than one
/// whose heartbeats arrive like clockwork. Not thread-safe: one owner feeds and asks it.
/// </summary>
internal sealed class PhiAccrualFailureDetector
{
    private readonly double _threshold;
    private readonly TimeSpan _minStdDeviation;
    private readonly TimeSpan _acceptablePause;
    private readonly HeartbeatHistory _history;
    private long _lastHeartbeat = -1;

    /// <param name="threshold">Phi above which the peer counts as unavailable (8 is a common choice).</param>
    /// <param name="maxSampleSize">How many intervals the statistics keep.</param>
    /// <param name="minStdDeviation">The least spread assumed, so a very regular peer is not declared dead by a small delay.</param>
    /// <param name="acceptablePause">Extra time tolerated on top of the mean (GC pauses, scheduling).</param>
    /// <param name="firstHeartbeatEstimate">The interval assumed before enough heartbeats arrived.</param>
    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptablePause, TimeSpan firstHeartbeatEstimate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSampleSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minStdDeviation, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptablePause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstHeartbeatEstimate, TimeSpan.Zero);
        _threshold = threshold;
        _minStdDeviation = minStdDeviation;
        _acceptablePause = acceptablePause;

        // Seed the history with a guess (mean = the estimate, spread = a quarter of it) so the
        // detector gives sensible answers from the first heartbeat on.
        _history = new HeartbeatHistory(maxSampleSize);
        var estimate = firstHeartbeatEstimate.TotalMilliseconds;
        var spread = estimate / 4;
        _history.Add(estimate - spread);
        _history.Add(estimate + spread);
    }

    /// <summary>True once at least one heartbeat has arrived.</summary>
    public bool IsMonitoring => _lastHeartbeat >= 0;

    /// <summary>Records a heartbeat arriving at <paramref name="nowTicks"/> (TimeSpan ticks of a monotonic clock).</summary>
    public void Heartbeat(long nowTicks)
    {
        if (_lastHeartbeat >= 0)
        {
            var interval = TimeSpan.FromTicks(nowTicks - _lastHeartbeat).TotalMilliseconds;

            // A gap the detector already judged fatal is not a sample of normal intervals.
            if (IsAvailable(nowTicks))
            {
                _history.Add(interval);
            }
        }

        _lastHeartbeat = nowTicks;
    }

    /// <summary>True while phi is below the threshold (and before the first heartbeat).</summary>
    public bool IsAvailable(long nowTicks) => Phi(nowTicks) < _threshold;

    /// <summary>How suspicious the silence is at <paramref name="nowTicks"/>: about -log10 of the chance that a heartbeat is this late yet the peer is alive.</summary>
    public double Phi(long nowTicks)
    {
        if (_lastHeartbeat < 0)
        {
            return 0;
        }

        var sinceLast = TimeSpan.FromTicks(nowTicks - _lastHeartbeat).TotalMilliseconds;
        var mean = _history.Mean + _acceptablePause.TotalMilliseconds;
        var deviation = Math.Max(_history.StdDeviation, _minStdDeviation.TotalMilliseconds);

        // The logistic approximation of the normal distribution's tail (accurate to about 1e-4,
        // and cheap), as in the phi accrual paper's usual implementations.
        var y = (sinceLast - mean) / deviation;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return sinceLast > mean
            ? -Math.Log10(e / (1.0 + e))
            : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }
}
