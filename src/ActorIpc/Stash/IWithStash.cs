namespace ActorIpc;

/// <summary>
/// Implemented by actors that stash: the runtime sets <see cref="Stash"/> before the
/// constructor's handlers run. Kept messages survive a restart (they return to the mailbox)
/// and go to dead letters when the actor stops.
/// </summary>
public interface IWithStash
{
    /// <summary>The actor's stash; set by the runtime.</summary>
    IStash Stash { get; set; }
}
