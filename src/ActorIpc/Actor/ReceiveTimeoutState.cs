namespace ActorIpc;

/// <summary>An actor's receive timeout: its length, the last activity, and the pending check.</summary>
internal sealed class ReceiveTimeoutState(TimeSpan timeout)
{
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>When the last message that counts arrived, in Stopwatch ticks.</summary>
    public long LastActivity { get; set; }

    public ICancelable? Check { get; set; }
}
