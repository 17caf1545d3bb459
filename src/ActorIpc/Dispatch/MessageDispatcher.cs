namespace ActorIpc.Dispatch;

/// <summary>Runs mailboxes: decides on which thread an actor processes its messages.</summary>
internal abstract class MessageDispatcher(string id, int throughput, TimeSpan throughputDeadline = default)
{
    /// <summary>The configuration id (<c>actoripc.actor.dispatchers.ID</c>).</summary>
    public string Id { get; } = id;

    /// <summary>How many user messages a mailbox processes per run before giving up its thread.</summary>
    public int Throughput { get; } = throughput;

    /// <summary>
    /// How long, in milliseconds of <see cref="Environment.TickCount64"/>, a mailbox run may last
    /// before it gives up its thread even with <see cref="Throughput"/> not reached; 0 for no
    /// limit. Rounded up: a limit shorter than a millisecond is one millisecond.
    /// </summary>
    public long ThroughputDeadlineMs { get; } = throughputDeadline <= TimeSpan.Zero ? 0 : Math.Max(1, (long)Math.Ceiling(throughputDeadline.TotalMilliseconds));

    /// <summary>
    /// Whether any thread may run this dispatcher's mailboxes, as the shared thread pool's do: a
    /// transport's read thread may then run an actor its bytes made due itself
    /// (<see cref="Spi.InlineTurns"/>). False for dispatchers that own their threads.
    /// </summary>
    public virtual bool RunsOnAnyThread => false;

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
