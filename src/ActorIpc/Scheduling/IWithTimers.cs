namespace ActorIpc;

/// <summary>
/// Implemented by actors that use keyed timers: the runtime sets <see cref="Timers"/> before the
/// constructor's handlers run, and cancels every timer when the actor stops or restarts.
/// </summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
