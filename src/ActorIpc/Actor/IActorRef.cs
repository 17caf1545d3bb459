namespace ActorIpc;

/// <summary>
/// A handle to an actor: the only way to send it messages. References are cheap to copy,
/// safe to share across threads and stay valid after the actor stops (messages to a stopped
/// actor go to dead letters). A reference to an actor in another process implements the same
/// interface, so code that sends does not change when the target moves.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, unique for this incarnation within its actor system.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> one way. Never blocks and never throws for delivery
    /// problems: what cannot be delivered goes to dead letters with a reason.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The reference replies go to, or <see langword="null"/> for none.</param>
    void Tell(object message, IActorRef? sender);
}
