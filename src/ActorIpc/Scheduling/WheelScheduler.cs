namespace ActorIpc.Scheduling;

/// <summary>
/// The actor system's <see cref="IScheduler"/>, backed by one <see cref="HashedWheelTimer"/>.
/// Each schedule allocates one object, which is both the wheel entry and the returned
/// <see cref="ICancelable"/>.
/// </summary>
/// <remarks>
/// A delay of <see cref="Timeout.InfiniteTimeSpan"/> means "never": the task is not put on
/// the wheel, and the returned handle behaves like that of a task whose time has not come
/// (not cancelled; <see cref="ICancelable.Cancel"/> returns true once). That lets callers pass
/// a configured "no timeout" through without a special case, and costs no memory.
/// </remarks>
internal sealed class WheelScheduler : IScheduler, IDisposable
{
    private readonly HashedWheelTimer _wheel;

    /// <summary>Creates a scheduler over <paramref name="wheel"/>, which it owns: disposing the scheduler stops the wheel.</summary>
    public WheelScheduler(HashedWheelTimer wheel)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        _wheel = wheel;
    }

    /// <inheritdoc />
    public TimeSpan Elapsed => _wheel.Elapsed;

    /// <summary>The wheel every schedule goes to.</summary>
    internal HashedWheelTimer Wheel => _wheel;

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ValidateDelay(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var entry = new ScheduledTell(receiver, message, sender);
        _wheel.Schedule(entry, delay);
        return entry;
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ValidateDelay(initialDelay, nameof(initialDelay));
        ValidateInterval(interval);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var entry = new ScheduledTell(receiver, message, sender, interval);
        _wheel.Schedule(entry, initialDelay);
        return entry;
    }

    /// <inheritdoc />
    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ValidateDelay(delay, nameof(delay));
        ArgumentNullException.ThrowIfNull(action);
        var entry = new ScheduledAction(action);
        _wheel.Schedule(entry, delay);
        return entry;
    }

    /// <inheritdoc />
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ValidateDelay(initialDelay, nameof(initialDelay));
        ValidateInterval(interval);
        ArgumentNullException.ThrowIfNull(action);
        var entry = new ScheduledAction(action, interval);
        _wheel.Schedule(entry, initialDelay);
        return entry;
    }

    /// <summary>Arms <paramref name="entry"/> (an Ask promise, for one) on the wheel; see <see cref="HashedWheelTimer.Schedule"/>.</summary>
    internal void Schedule(TimerEntry entry, TimeSpan delay) => _wheel.Schedule(entry, delay);

    /// <summary>Stops the wheel; tasks that have not run never run.</summary>
    public void Dispose() => _wheel.Dispose();

    private static void ValidateDelay(TimeSpan delay, string parameterName)
    {
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, delay, "the delay must not be negative (Timeout.InfiniteTimeSpan means never)");
        }
    }

    private static void ValidateInterval(TimeSpan interval)
    {
        // An interval shorter than a tick is allowed: the task then runs once per tick.
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "the interval must be positive");
        }
    }
}
