namespace ActorIpc;

/// <summary>An actor's watches, in both directions; made with the first watch.</summary>
internal sealed class DeathWatchState
{
    /// <summary>Whom the actor watches, with the message to receive (WatchWith) or a marker for Terminated.</summary>
    public Dictionary<IActorRef, object> Watching { get; } = [];

    /// <summary>Terminated messages queued to the actor and not yet delivered.</summary>
    public Dictionary<IActorRef, object> TerminatedQueued { get; } = [];

    /// <summary>Who watches the actor.</summary>
    public HashSet<IInternalActorRef> WatchedBy { get; } = [];
}
