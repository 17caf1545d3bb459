namespace ActorIpc;

/// <summary>
/// Runs work later: sends a message after a delay or at an interval, or runs an action.
/// One hashed timer wheel per actor system serves every schedule, so a schedule costs a
/// list insertion, not a timer; its resolution is the wheel's tick (configured in
/// <c>actoripc.scheduler.tick-duration</c>), and a task never runs early.
/// </summary>
public interface IScheduler
{
    /// <summary>The scheduler's clock, monotonic; the elapsed time since the scheduler started.</summary>
    TimeSpan Elapsed { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/> until cancelled.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>, on the scheduler's thread; keep it short.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>, on the scheduler's thread.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
