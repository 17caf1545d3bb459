using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;

namespace ActorIpc.Scheduling;

/// <summary>
/// A hashed timer wheel: one background thread advances a ring of buckets one tick at a
/// time and fires the entries whose deadline has come. Scheduling from any thread is
/// lock-free and allocation-free (a compare-and-swap and a concurrent-queue enqueue); only
/// the wheel thread touches the buckets.
/// </summary>
/// <remarks>
/// <para>
/// Tick <c>n</c> is processed once the wheel's clock reaches <c>n × tickDuration</c>; an
/// entry whose deadline is <c>D</c> fires at the first tick whose time is at or after
/// <c>D</c>, so it never fires early and fires at most one tick (plus thread wake-up
/// latency) late. The clock is a <see cref="Stopwatch"/>, and tick times are computed from
/// the start, not by adding sleeps, so ticks do not drift; after a pause (a GC, a suspended
/// process) the thread processes every tick it missed, in order.
/// </para>
/// <para>
/// A wheel built with <c>manualClock: true</c> has no thread: its clock stands still until
/// <see cref="Advance"/> or <see cref="Walk"/> moves it, which processes the due ticks on the
/// caller's thread. The wheel's own tests use it, and so does a system created on the TestKit's
/// <c>ManualClock</c>, whose every move walks the system's wheel.
/// </para>
/// <para>
/// This file holds what any thread calls; <c>HashedWheelTimer.WheelThread.cs</c> holds the
/// tick processing, which runs on the wheel thread (or the caller of <see cref="Advance"/>).
/// </para>
/// </remarks>
internal sealed partial class HashedWheelTimer : IDisposable
{
    /// <summary>The name of the wheel thread, as seen in debuggers and dumps.</summary>
    public const string ThreadName = "actoripc-scheduler";

    /// <summary>The default tick: a timeout fires at most this much after its deadline.</summary>
    public static readonly TimeSpan DefaultTickDuration = TimeSpan.FromMilliseconds(10);

    /// <summary>The finest tick a wheel accepts.</summary>
    public static readonly TimeSpan MinTickDuration = TimeSpan.FromMilliseconds(1);

    /// <summary>The default number of buckets (5.12 s per turn with the default tick).</summary>
    public const int DefaultTicksPerWheel = 512;

    // Bounds one tick's work on each queue, so producers faster than the wheel thread delay
    // the next entries by a tick rather than stalling every timer indefinitely.
    private const int MaxTransfersPerTick = 100_000;

    private readonly TimerBucket[] _buckets;
    private readonly long _mask;
    private readonly long _tickTicks;
    private readonly Action<Exception> _onError;
    private readonly PendingLog _pending = new();
    private readonly ConcurrentQueue<TimerEntry> _removals = new();
    private readonly long _startTimestamp;
    private readonly bool _manualClock;
    private readonly Thread? _thread;
    private readonly ManualResetEventSlim _wakeUp = new(false, 0);

    private long _manualElapsed;
    private long _tick;
    private int _bucketedCount;
    private int _stopped;
    private bool _processing;

    /// <summary>Creates a wheel with the default tick and size and starts its thread.</summary>
    /// <param name="onError">Receives the exceptions thrown by <see cref="TimerEntry.Expire"/>; called on the wheel thread.</param>
    public HashedWheelTimer(Action<Exception> onError)
        : this(DefaultTickDuration, DefaultTicksPerWheel, onError)
    {
    }

    /// <summary>Creates a wheel and, unless <paramref name="manualClock"/> is set, starts its thread.</summary>
    /// <param name="tickDuration">The resolution: at least 1 ms.</param>
    /// <param name="ticksPerWheel">The number of buckets, a power of two; more buckets mean fewer entries to skip per tick for long timeouts.</param>
    /// <param name="onError">Receives the exceptions thrown by <see cref="TimerEntry.Expire"/>; called on the wheel thread; must not throw.</param>
    /// <param name="manualClock">True for a wheel without thread whose clock moves only through <see cref="Advance"/> and <see cref="Walk"/> (tests, and systems on the TestKit's <c>ManualClock</c>).</param>
    public HashedWheelTimer(TimeSpan tickDuration, int ticksPerWheel, Action<Exception> onError, bool manualClock = false)
    {
        if (tickDuration < MinTickDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(tickDuration), tickDuration, "the tick duration must be at least 1 ms");
        }

        if (ticksPerWheel < 1 || ticksPerWheel > (1 << 30) || !BitOperations.IsPow2(ticksPerWheel))
        {
            throw new ArgumentOutOfRangeException(nameof(ticksPerWheel), ticksPerWheel, "the number of ticks per wheel must be a power of two between 1 and 2^30");
        }

        ArgumentNullException.ThrowIfNull(onError);

        _tickTicks = tickDuration.Ticks;
        _mask = ticksPerWheel - 1;
        _onError = onError;
        _buckets = new TimerBucket[ticksPerWheel];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new TimerBucket();
        }

        _manualClock = manualClock;
        _startTimestamp = Stopwatch.GetTimestamp();
        if (!manualClock)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
            _thread.Start();
        }
    }

    /// <summary>The duration of one tick.</summary>
    public TimeSpan TickDuration => new(_tickTicks);

    /// <summary>The number of buckets.</summary>
    public int TicksPerWheel => _buckets.Length;

    /// <summary>The wheel's monotonic clock: the time since it was created (or, for a manual clock, the sum of the advances).</summary>
    public TimeSpan Elapsed => new(ElapsedTicks);

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    internal bool IsStopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>The last tick processed.</summary>
    internal long CurrentTick => Volatile.Read(ref _tick);

    /// <summary>The number of entries linked in buckets. Exact only when read on the wheel thread or between <see cref="Advance"/> calls.</summary>
    internal int BucketedCount => Volatile.Read(ref _bucketedCount);

    /// <summary>The number of entries scheduled but not yet moved into a bucket.</summary>
    internal int PendingCount => _pending.Count;

    private long ElapsedTicks => _manualClock ? Volatile.Read(ref _manualElapsed) : Stopwatch.GetElapsedTime(_startTimestamp).Ticks;

    /// <summary>
    /// Arms <paramref name="entry"/> to expire after <paramref name="delay"/>. Thread-safe,
    /// lock-free and allocation-free (bar the queue growing a segment now and then). An
    /// entry cancelled before this call is ignored; a delay of
    /// <see cref="Timeout.InfiniteTimeSpan"/> marks the entry scheduled but never hands it to
    /// the wheel: it never fires, costs no memory, and can still be cancelled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException"><paramref name="entry"/> was already scheduled.</exception>
    /// <exception cref="ObjectDisposedException">The wheel was stopped.</exception>
    public void Schedule(TimerEntry entry, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "the delay must not be negative");
        }

        ObjectDisposedException.ThrowIf(IsStopped, this);

        // Claims the entry before touching its fields: a second Schedule of a live entry
        // throws here instead of overwriting the deadline the wheel thread is using.
        if (!entry.TryMarkPending() || delay == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var now = ElapsedTicks;
        entry.Wheel = this;
        entry.DeadlineTime = delay.Ticks > long.MaxValue - now ? long.MaxValue : now + delay.Ticks;

        // The append publishes the fields above to the wheel thread.
        _pending.Append(entry);

        // Stop sets _stopped, then drains the log. Either the drain read this entry (Stop returns
        // it), or the append had not finished when the drain passed, which was after _stopped
        // was set, so it is seen here and the caller gets an ObjectDisposedException. Both may
        // happen; the entry is never silently left behind in a dead log.
        ObjectDisposedException.ThrowIf(IsStopped, this);
    }

    /// <summary>
    /// Moves a manual clock forward by <paramref name="duration"/> and processes, on the
    /// calling thread, every tick that became due, firing their entries. The move acts as a
    /// pause: a periodic entry fires once for the beats it covers, as after a real pause. Call
    /// it from one thread at a time; other threads may schedule and cancel meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException">The wheel has a real clock, or the call comes from an entry's expiry.</exception>
    internal void Advance(TimeSpan duration) => Move(duration, walk: false);

    /// <summary>
    /// Moves a manual clock forward as if <paramref name="duration"/> had passed: tick by tick,
    /// so that a periodic entry fires at each of its beats, in order. Otherwise as
    /// <see cref="Advance"/>; a wheel with nothing to fire jumps, as there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The wheel has a real clock, or the call comes from an entry's expiry.</exception>
    internal void Walk(TimeSpan duration) => Move(duration, walk: true);

    private void Move(TimeSpan duration, bool walk)
    {
        if (!_manualClock)
        {
            throw new InvalidOperationException("only a wheel with a manual clock can be advanced by hand");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(IsStopped, this);
        if (_processing)
        {
            throw new InvalidOperationException("the wheel cannot be advanced from an expiring entry");
        }

        var target = Volatile.Read(ref _manualElapsed) + duration.Ticks;
        while (walk && !IsIdle && !IsStopped)
        {
            var tickTime = (_tick + 1) * _tickTicks;
            if (tickTime > target)
            {
                break;
            }

            Volatile.Write(ref _manualElapsed, tickTime);
            ProcessDueTicks(tickTime);
        }

        Volatile.Write(ref _manualElapsed, target);
        ProcessDueTicks(target);
    }

    /// <summary>Moves a manual clock forward by <paramref name="ticks"/> tick durations; see <see cref="Advance"/>.</summary>
    internal void AdvanceTicks(int ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        Advance(new TimeSpan(ticks * _tickTicks));
    }

    /// <summary>Queues a cancelled in-bucket entry for unlinking by the wheel thread.</summary>
    internal void QueueRemoval(TimerEntry entry)
    {
        // Once stopped, nothing drains this queue and Stop has already unlinked the buckets.
        if (!IsStopped)
        {
            _removals.Enqueue(entry);
        }
    }

    /// <summary>
    /// Stops the wheel: waits for its thread to finish the tick in progress and returns the
    /// entries that had neither fired nor been cancelled. They never fire; their state is
    /// left as it was, so the caller can fail them (an Ask reports that the system stopped),
    /// and cancelling one still returns true. A second call returns an empty list. Called
    /// from an expiring entry (on the wheel thread), it cannot wait for itself: the thread
    /// stops after the current entry and the list is empty.
    /// </summary>
    internal IReadOnlyList<TimerEntry> Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return [];
        }

        if (_thread is not null)
        {
            _wakeUp.Set();
            if (Thread.CurrentThread == _thread)
            {
                return [];
            }

            _thread.Join();
            _wakeUp.Dispose();
        }

        // No thread touches the buckets any more.
        var unfired = new List<TimerEntry>();
        foreach (var bucket in _buckets)
        {
            while (bucket.Head is { } entry)
            {
                bucket.Remove(entry);
                if (entry.IsLive)
                {
                    unfired.Add(entry);
                }
            }
        }

        while (_pending.TryTake(out var entry))
        {
            if (entry.IsLive)
            {
                unfired.Add(entry);
            }
        }

        _removals.Clear();
        Volatile.Write(ref _bucketedCount, 0);
        return unfired;
    }

    /// <summary>Stops the wheel (see <see cref="Stop"/>); the entries that had not fired never fire.</summary>
    public void Dispose() => Stop();
}
