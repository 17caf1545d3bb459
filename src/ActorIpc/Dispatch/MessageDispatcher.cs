namespace ActorIpc.Dispatch;

/// <summary>Runs mailboxes: decides on which thread an actor processes its messages.</summary>
internal abstract class MessageDispatcher(string id, int throughput)
{
    /// <summary>The configuration id (<c>actoripc.actor.dispatchers.ID</c>).</summary>
    public string Id { get; } = id;

    /// <summary>How many user messages a mailbox processes per run before giving up its thread.</summary>
    public int Throughput { get; } = throughput;

    /// <summary>Runs <paramref name="mailbox"/> soon; called at most once until the run ends.</summary>
    public abstract void Schedule(Mailbox mailbox);

    /// <summary>A mailbox starts using this dispatcher.</summary>
    public virtual void Attach(Mailbox mailbox)
    {
    }

    /// <summary>A mailbox is closed and will not be scheduled again.</summary>
    public virtual void Detach(Mailbox mailbox)
    {
    }
}
