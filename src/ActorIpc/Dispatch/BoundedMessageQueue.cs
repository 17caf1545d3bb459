using System.Collections.Concurrent;

namespace ActorIpc.Dispatch;

/// <summary>
/// A queue with a capacity. When full it drops the new message (<see cref="OverflowStrategy.DropNew"/>)
/// or the oldest queued one (<see cref="OverflowStrategy.DropOldest"/>); the dropped message goes
/// to dead letters with the reason, never silently. Senders are never blocked.
/// </summary>
internal sealed class BoundedMessageQueue(int capacity, OverflowStrategy overflow) : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public bool Enqueue(in Envelope envelope, out Envelope dropped)
    {
        if (Interlocked.Increment(ref _count) <= capacity)
        {
            _queue.Enqueue(envelope);
            dropped = default;
            return false;
        }

        if (overflow == OverflowStrategy.DropNew)
        {
            Interlocked.Decrement(ref _count);
            dropped = envelope;
            return true;
        }

        // Drop-oldest: make room first. The count stays raised while we swap, so a racing
        // producer sees the queue as full too and drops its own oldest; the total never
        // exceeds the capacity by more than the number of racing producers, briefly.
        _queue.Enqueue(envelope);
        if (_queue.TryDequeue(out dropped))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_queue.TryDequeue(out envelope))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }
}
