namespace ActorIpc.TestKit;

/// <summary>
/// A clock that stands still until the test moves it (<see cref="Advance"/>). Give it to the
/// system under test (the kit's constructor, or <see cref="ActorSystem.Create(string, Hocon.Config?, Microsoft.Extensions.Logging.ILoggerFactory?, TimeProvider?)"/>)
/// and what the system decides by elapsed time (<see cref="ActorSystem.TimeProvider"/>: a
/// supervisor's restart window, the dead-letter log's quiet period) is decided by the test
/// rather than by how long the test happened to take.
/// <code>
/// var clock = new ManualClock();
/// await using var kit = new TestKitBase(config, timeProvider: clock);
/// // ... the first restart opens the supervisor's window ...
/// clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1));
/// // ... the next restart opens a new window ...
/// </code>
/// Thread-safe. Its timestamps count ticks (100 ns) from zero, and its wall-clock time starts at
/// the instant given (2000-01-01 UTC by default). It has no timers: <see cref="CreateTimer"/>
/// throws, since a timer on a clock that moves only by hand would fire only when the test
/// moved it, which code written for the real clock does not expect.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private static readonly DateTimeOffset DefaultStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DateTimeOffset _start;
    private long _elapsedTicks;

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

    /// <summary>Moves the clock forward by <paramref name="duration"/>.</summary>
    /// <param name="duration">Zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A clock only moves forward; got a negative duration.");
        }

        Interlocked.Add(ref _elapsedTicks, duration.Ticks);
    }

    /// <summary>Not supported: a manual clock has no timers.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("A ManualClock has no timers: it moves only when the test calls Advance. Schedule with the actor system's scheduler, which keeps the machine's clock.");
}
