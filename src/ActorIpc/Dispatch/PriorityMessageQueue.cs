namespace ActorIpc.Dispatch;

/// <summary>
/// A queue that hands out messages by priority (lower number first) and, within one priority,
/// in arrival order. Guarded by a lock: priority mailboxes trade speed for order.
/// </summary>
internal sealed class PriorityMessageQueue(IMessagePriority priority) : IMessageQueue
{
    private readonly PriorityQueue<Envelope, (int Priority, long Sequence)> _queue = new();
    private readonly Lock _lock = new();
    private long _sequence;
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public bool Enqueue(in Envelope envelope, out Envelope dropped)
    {
        var rank = priority.PriorityOf(envelope.Message);
        lock (_lock)
        {
            _queue.Enqueue(envelope, (rank, _sequence++));
            _count++;
        }

        dropped = default;
        return false;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_lock)
        {
            if (_queue.TryDequeue(out envelope, out _))
            {
                _count--;
                return true;
            }
        }

        return false;
    }
}
