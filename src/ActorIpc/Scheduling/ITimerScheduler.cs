namespace ActorIpc;

/// <summary>
/// An actor's own timers, each identified by a key, that send a message to the actor itself.
/// Use it only from the actor's message handling (it is not thread-safe). Unlike a raw
/// <see cref="IScheduler"/> schedule, a timer that is cancelled, replaced or stopped with the
/// actor never delivers a message afterwards, even one already waiting in the mailbox; and
/// every timer is cancelled when the actor stops or restarts.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>The keys of the active timers: started, not cancelled, and (for single timers) not yet delivered.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>
    /// Sends <paramref name="message"/> to the actor once, after <paramref name="timeout"/>.
    /// An active timer with the same <paramref name="key"/> is replaced: its pending message
    /// is not delivered.
    /// </summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>
    /// Sends <paramref name="message"/> to the actor every <paramref name="interval"/>, the first
    /// time after one interval. Replaces an active timer with the same <paramref name="key"/>.
    /// </summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>
    /// Sends <paramref name="message"/> to the actor after <paramref name="initialDelay"/>, then
    /// every <paramref name="interval"/>. Replaces an active timer with the same <paramref name="key"/>.
    /// </summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True if the timer <paramref name="key"/> is active: started, not cancelled, and (for a single timer) not yet delivered.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer <paramref name="key"/>, if active; its message is not delivered, even if already sent.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer; none of their messages is delivered afterwards.</summary>
    void CancelAll();
}
