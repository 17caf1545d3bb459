using ActorIpc.Scheduling;

namespace ActorIpc.TestKit;

/// <summary>
/// A clock that stands still until the test moves it (<see cref="Advance"/>). Give it to the
/// system under test (the kit's constructor, or <see cref="ActorSystem.Create(string, Hocon.Config?, Microsoft.Extensions.Logging.ILoggerFactory?, TimeProvider?)"/>)
/// and what the system does by elapsed time is decided by the test rather than by how long the
/// test happened to take: a supervisor's restart window, the dead-letter log's quiet period
/// (<see cref="ActorSystem.TimeProvider"/>), and the system's scheduler with all that runs on
/// it: scheduled messages and actions, actor timers, receive timeouts, Ask and graceful-stop
/// timeouts.
/// <code>
/// var clock = new ManualClock();
/// await using var kit = new TestKitBase(config, timeProvider: clock);
/// var reply = worker.Ask&lt;int&gt;(new Work(), TimeSpan.FromSeconds(5));
/// clock.Advance(TimeSpan.FromSeconds(5)); // the Ask times out now, on this thread
/// </code>
/// <para>
/// <see cref="Advance"/> fires, on the calling thread and before it returns, everything
/// scheduled on the systems that run on this clock whose time has come, in order and to the
/// millisecond (a timer due at 1.2 ms fires once the clock reaches 2 ms); a periodic timer
/// fires once for each of its beats that the move covers. Each system's scheduler starts at
/// the clock's time when the system is created and follows the clock until it terminates.
/// Messages are delivered to actors' mailboxes, so await the reply or the probe's message, as
/// with the real clock. While anything is scheduled, a move walks the scheduler a millisecond
/// at a time: an hour took about 40 ms on a 2-core machine; with nothing scheduled it jumps.
/// </para>
/// <para>
/// Thread-safe: moves from several threads add up, and each system fires their timers one move
/// at a time. Its timestamps count ticks (100 ns) from zero, and its wall-clock time starts at
/// the instant given (2000-01-01 UTC by default). It has no <see cref="CreateTimer"/>: a timer
/// on a clock that moves only by hand would fire only when the test moved it, which code
/// written for the real clock does not expect; schedule with the actor system's scheduler.
/// </para>
/// </summary>
public sealed class ManualClock : TimeProvider, IManualTimeSource
{
    private static readonly DateTimeOffset DefaultStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DateTimeOffset _start;
    private readonly Lock _subscribersGate = new();
    private long _elapsedTicks;
    private Action<TimeSpan>[] _subscribers = [];

    /// <summary>Creates a clock at 2000-01-01 UTC.</summary>
    public ManualClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates a clock whose wall-clock time starts at <paramref name="start"/>.</summary>
    /// <param name="start">The time <see cref="GetUtcNow"/> gives until the clock is moved.</param>
    public ManualClock(DateTimeOffset start) => _start = start.ToUniversalTime();

    /// <summary>How far the clock was moved since it was created.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _elapsedTicks));

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long GetTimestamp() => Volatile.Read(ref _elapsedTicks);

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    /// <summary>
    /// Moves the clock forward by <paramref name="duration"/>, then fires what came due on the
    /// schedulers of the systems that run on it, on this thread.
    /// </summary>
    /// <param name="duration">Zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A clock only moves forward; got a negative duration.");
        }

        Interlocked.Add(ref _elapsedTicks, duration.Ticks);
        foreach (var moved in Volatile.Read(ref _subscribers))
        {
            moved(duration);
        }
    }

    /// <summary>Not supported: a manual clock has no timers.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("A ManualClock has no timers: it moves only when the test calls Advance. Schedule with the actor system's scheduler, which runs on this clock.");

    /// <inheritdoc/>
    IDisposable IManualTimeSource.Subscribe(Action<TimeSpan> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        lock (_subscribersGate)
        {
            _subscribers = [.. _subscribers, moved];
        }

        return new Subscription(this, moved);
    }

    private void Unsubscribe(Action<TimeSpan> moved)
    {
        lock (_subscribersGate)
        {
            _subscribers = Array.FindAll(_subscribers, s => !ReferenceEquals(s, moved));
        }
    }

    private sealed class Subscription(ManualClock clock, Action<TimeSpan> moved) : IDisposable
    {
        public void Dispose() => clock.Unsubscribe(moved);
    }
}
