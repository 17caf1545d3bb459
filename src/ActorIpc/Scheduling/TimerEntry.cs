namespace ActorIpc.Scheduling;

/// <summary>
/// One timer of a <see cref="HashedWheelTimer"/>. Callers subclass it (an Ask promise, a
/// scheduled tell) so that arming a timeout costs one allocation: the entry is the object
/// itself, and it carries the wheel's bookkeeping (deadline, bucket links) as fields.
/// </summary>
/// <remarks>
/// <para>
/// States move forward only, by compare-and-swap, so <see cref="Cancel"/> and the wheel
/// thread agree on who won: <c>Init → Pending → InBucket → Expired | Cancelled</c>; a
/// periodic entry goes <c>InBucket → Running → InBucket</c> each time it fires, and any
/// state before <c>Expired</c> can become <c>Cancelled</c>.
/// </para>
/// <para>An entry is scheduled once; it cannot be reused after it expired or was cancelled.</para>
/// </remarks>
internal abstract class TimerEntry : ICancelable
{
    private const int StateInit = 0;
    private const int StatePending = 1;
    private const int StateInBucket = 2;
    private const int StateRunning = 3;
    private const int StateExpired = 4;
    private const int StateCancelled = 5;

    private int _state;

    /// <summary>Creates a one-shot entry; <see cref="RepeatableTimerEntry"/> makes periodic ones.</summary>
    protected TimerEntry()
    {
    }

    /// <summary>True once the expiry was prevented by <see cref="Cancel"/> (or the entry was cancelled before it was scheduled).</summary>
    public bool IsCancelled => Volatile.Read(ref _state) == StateCancelled;

    /// <summary>True once a one-shot entry has fired (its <see cref="Expire"/> ran or is running). Never true for a periodic entry.</summary>
    public bool IsExpired => Volatile.Read(ref _state) == StateExpired;

    /// <inheritdoc />
    bool ICancelable.IsCancellationRequested => IsCancelled;

    /// <summary>The period in <see cref="TimeSpan"/> ticks; 0 for a one-shot entry.</summary>
    /// <remarks>Virtual, so the one-shot entries made by the million (Ask promises) carry no period field.</remarks>
    internal virtual long PeriodTicks => 0;

    /// <summary>The pending-log slots the entry sits in until the wheel thread reads it (see <see cref="PendingLog"/>).</summary>
    internal TimerEntry?[]? PendingSegment;

    /// <summary>The entry's index in <see cref="PendingSegment"/>.</summary>
    internal int PendingIndex;

    /// <summary>The intended deadline, in <see cref="TimeSpan"/> ticks of the wheel's clock.</summary>
    /// <remarks>Written by the scheduling thread before it publishes the entry, then only by the wheel thread.</remarks>
    internal long DeadlineTime;

    /// <summary>
    /// The wheel tick at which the entry fires (the first tick whose time is at or after
    /// <see cref="DeadlineTime"/>); it names the entry's bucket. <see cref="NotInBucket"/> while
    /// the entry is in none.
    /// </summary>
    /// <remarks>
    /// Wheel thread only. The remaining rounds are derived from it rather than stored and
    /// decremented: an entry of the bucket being processed fires when its deadline tick is
    /// not after the current tick, i.e. when its remaining rounds
    /// (<c>(DeadlineTick - tick) / ticksPerWheel</c>) are zero.
    /// </remarks>
    internal long DeadlineTick = NotInBucket;

    /// <summary>The <see cref="DeadlineTick"/> of an entry in no bucket.</summary>
    internal const long NotInBucket = -1;

    /// <summary>The wheel the entry was scheduled on; needed to queue its removal when cancelled in a bucket.</summary>
    internal HashedWheelTimer? Wheel;

    /// <summary>The next entry of the bucket. Wheel thread only.</summary>
    internal TimerEntry? Next;

    /// <summary>The previous entry of the bucket. Wheel thread only.</summary>
    internal TimerEntry? Previous;

    /// <summary>True for an entry built with a period.</summary>
    internal bool IsPeriodic => PeriodTicks != 0;

    /// <summary>
    /// Prevents the entry from firing. Thread-safe and idempotent: returns true when this call
    /// prevented an expiry that had not happened yet (for a periodic entry: every later run),
    /// false when the entry was already cancelled or a one-shot entry already fired.
    /// </summary>
    public bool Cancel()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            switch (state)
            {
                case StateExpired:
                case StateCancelled:
                    return false;
                case StateInBucket:
                    if (Interlocked.CompareExchange(ref _state, StateCancelled, state) == state)
                    {
                        // The entry sits in a bucket until its deadline; a cancelled Ask with a
                        // 30 s timeout must not stay reachable that long, so the wheel thread
                        // (the only one touching buckets) unlinks it at its next tick.
                        Wheel?.QueueRemoval(this);
                        return true;
                    }

                    break;
                default:
                    // Init, Pending or Running (a periodic entry between runs is re-armed only if
                    // still Running). A pending entry also clears its slot in the pending log, so
                    // that nothing keeps it alive until the wheel thread gets there.
                    if (Interlocked.CompareExchange(ref _state, StateCancelled, state) == state)
                    {
                        if (state == StatePending)
                        {
                            PendingLog.Forget(this);
                        }

                        return true;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Runs on the wheel thread when the deadline passed. Must be short: every other timer of
    /// the process waits for it. An exception is caught by the wheel and reported to its
    /// error callback.
    /// </summary>
    protected internal abstract void Expire();

    /// <summary>Init → Pending, when the entry is handed to a wheel. False if it was cancelled first.</summary>
    /// <exception cref="InvalidOperationException">The entry was already scheduled.</exception>
    internal bool TryMarkPending()
    {
        var previous = Interlocked.CompareExchange(ref _state, StatePending, StateInit);
        if (previous == StateInit)
        {
            return true;
        }

        if (previous == StateCancelled)
        {
            return false;
        }

        throw new InvalidOperationException("a timer entry can be scheduled only once");
    }

    /// <summary>Pending → InBucket, when the wheel thread drains the entry. False if it was cancelled while pending.</summary>
    internal bool TryMarkInBucket() =>
        Interlocked.CompareExchange(ref _state, StateInBucket, StatePending) == StatePending;

    /// <summary>InBucket → Expired (one-shot) or Running (periodic), just before it fires. False if it was cancelled.</summary>
    internal bool TryMarkFiring() =>
        Interlocked.CompareExchange(ref _state, IsPeriodic ? StateRunning : StateExpired, StateInBucket) == StateInBucket;

    /// <summary>Running → InBucket, when a periodic entry is re-armed after a run. False if it was cancelled during the run.</summary>
    internal bool TryMarkRearmed() =>
        Interlocked.CompareExchange(ref _state, StateInBucket, StateRunning) == StateRunning;

    /// <summary>True while the entry can still fire (scheduled, not fired, not cancelled).</summary>
    internal bool IsLive
    {
        get
        {
            var state = Volatile.Read(ref _state);
            return state is StatePending or StateInBucket or StateRunning;
        }
    }
}
