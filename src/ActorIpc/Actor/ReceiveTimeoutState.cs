namespace ActorIpc;

/// <summary>An actor's receive timeout: its length, the last activity, and the pending check.</summary>
internal sealed class ReceiveTimeoutState(TimeSpan timeout)
{
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>When the last message that counts arrived, on the scheduler's clock (<see cref="Scheduling.WheelScheduler.Elapsed"/>), which the checks run on.</summary>
    public TimeSpan LastActivity { get; set; }

    public ICancelable? Check { get; set; }
}
