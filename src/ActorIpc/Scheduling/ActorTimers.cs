namespace ActorIpc.Scheduling;

/// <summary>
/// The <see cref="ITimerScheduler"/> of one actor. Each timer sends a <see cref="TimerMessage"/>
/// envelope to the actor; the actor cell passes every received message through
/// <see cref="TryUnwrap"/>, which hands the user's message over only if the timer that sent it
/// is still the current one for its key.
/// </summary>
/// <remarks>
/// <para>
/// Only the owning actor's thread calls this object: the actor's handlers, and the cell
/// between messages (to unwrap, and to <see cref="CancelAll"/> when the actor stops or
/// restarts). An actor processes one message at a time, so a plain dictionary and counter
/// need no locks. The wheel thread never touches them: it only sends immutable envelopes.
/// </para>
/// <para>
/// The cell keeps one instance for the actor's whole life, across restarts: envelopes sent
/// before a restart then still belong to this instance and are recognised as stale, where
/// a new instance would let them through as unknown messages.
/// </para>
/// </remarks>
internal sealed class ActorTimers : ITimerScheduler
{
    private readonly IActorRef _self;
    private readonly WheelScheduler _scheduler;
    private readonly Dictionary<object, (TimerMessage Envelope, ICancelable Task, bool IsPeriodic)> _timers = [];

    // Unique across keys and never reused, so an envelope of a cancelled timer can never
    // match a later timer of the same key.
    private long _generation;

    /// <summary>Creates the timers of the actor <paramref name="self"/>, scheduled on <paramref name="scheduler"/>.</summary>
    public ActorTimers(IActorRef self, WheelScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(scheduler);
        _self = self;
        _scheduler = scheduler;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    /// <inheritdoc />
    public void StartSingleTimer(object key, object message, TimeSpan timeout) =>
        Start(key, message, timeout, interval: null);

    /// <inheritdoc />
    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        Start(key, message, interval, interval);

    /// <inheritdoc />
    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    /// <inheritdoc />
    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _timers.ContainsKey(key);
    }

    /// <inheritdoc />
    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    /// <inheritdoc />
    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>
    /// Sorts a received message: false when <paramref name="received"/> is not an envelope of
    /// these timers (the cell handles it as usual); true with the user's message when it
    /// comes from a current timer (a single timer then stops being active); true with
    /// <see langword="null"/> when the timer was cancelled or replaced since (the cell drops it).
    /// </summary>
    internal bool TryUnwrap(object received, out object? message)
    {
        message = null;
        if (received is not TimerMessage envelope || !ReferenceEquals(envelope.Owner, this))
        {
            return false;
        }

        if (_timers.TryGetValue(envelope.Key, out var timer) && timer.Envelope.Generation == envelope.Generation)
        {
            if (!timer.IsPeriodic)
            {
                _timers.Remove(envelope.Key);
            }

            message = envelope.Message;
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan initialDelay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new TimerMessage(key, ++_generation, message, this);

        // Scheduled before the old timer is cancelled, so that a rejected argument leaves the
        // old timer running. The envelope has no sender: a reply to it goes to dead letters
        // rather than looping back to the actor.
        var task = interval is { } period
            ? _scheduler.ScheduleTellRepeatedly(initialDelay, period, _self, envelope, sender: null)
            : _scheduler.ScheduleTellOnce(initialDelay, _self, envelope, sender: null);

        // Cancelling only stops the wheel from sending; an envelope already in the mailbox is
        // made stale by the dictionary now pointing at the new generation.
        if (_timers.Remove(key, out var old))
        {
            old.Task.Cancel();
        }

        _timers[key] = (envelope, task, interval is not null);
    }
}
