namespace ActorIpc;

/// <summary>
/// The synchronization context an async handler runs under: every continuation after an
/// <c>await</c> is posted back to the actor's mailbox and runs as the actor, one at a time.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        cell.Self.SendSystemMessage(new Dispatch.RunContinuation(d, state));
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!ReferenceEquals(ActorCell.Current, cell))
        {
            throw new NotSupportedException("A synchronous Send into an actor's context from another thread would block the sender on the actor; use Post.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
