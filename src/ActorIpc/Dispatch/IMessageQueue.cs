namespace ActorIpc.Dispatch;

/// <summary>
/// The user-message queue of a mailbox. Many threads enqueue; only the thread running the
/// mailbox dequeues.
/// </summary>
internal interface IMessageQueue
{
    /// <summary>True when at least one message is queued (may be stale by the time it returns).</summary>
    bool HasMessages { get; }

    /// <summary>How many messages are queued (an estimate under concurrency).</summary>
    int Count { get; }

    /// <summary>
    /// Queues <paramref name="envelope"/>. A bounded queue that is full may refuse it or drop
    /// an older one; what it dropped comes back in <paramref name="dropped"/> for dead letters.
    /// </summary>
    /// <returns>True when a message was dropped (the new one or an old one).</returns>
    bool Enqueue(in Envelope envelope, out Envelope dropped);

    bool TryDequeue(out Envelope envelope);
}
