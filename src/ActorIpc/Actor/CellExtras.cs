using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// The parts of an actor cell most actors never use, in one object made on first use, so an
/// idle actor carries one reference instead of all of them.
/// </summary>
internal sealed class CellExtras
{
    /// <summary>Behaviors below the current one (BecomeStacked); null entries are the initial behavior.</summary>
    public Stack<Receive?> BehaviorStack { get; } = new();

    public ILogger? Log { get; set; }

    /// <summary>The actor's keyed timers (IWithTimers); kept across restarts so old timer messages stay recognisable.</summary>
    public Scheduling.ActorTimers? Timers { get; set; }

    public ReceiveTimeoutState? ReceiveTimeout { get; set; }

    public DeathWatchState? DeathWatch { get; set; }

    public ActorSynchronizationContext? SynchronizationContext { get; set; }

    /// <summary>The message being handled when the actor failed, for PreRestart.</summary>
    public object? FailedMessage { get; set; }

    /// <summary>A restart whose old children are still stopping: finished when the last one has gone.</summary>
    public Exception? PendingRecreate { get; set; }
}
