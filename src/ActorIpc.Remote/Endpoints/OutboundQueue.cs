using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// An association's send queue: many senders, one writer task. Sending takes no lock (a
/// lock-free queue and one atomic count), so actors that send to a peer never contend with the
/// writer draining the queue. User messages are bounded by <c>send-queue-size</c>; the
/// association's own items (system messages, heartbeats) are never refused. The writer waits
/// without allocating.
/// </summary>
internal sealed class OutboundQueue(int capacity) : IValueTaskSource, IThreadPoolWorkItem
{
    // The reader gives back capacity in steps of this many items: one atomic write per step
    // instead of one per item on the line the senders increment.
    private const int ReleaseStep = 64;

    private readonly ConcurrentQueue<OutboundItem> _items = new();
    private ManualResetValueTaskSourceCore<bool> _wakeUp = new() { RunContinuationsAsynchronously = true };
    private int _count;
    private int _unreleased;
    private int _waiting;

    /// <summary>About how many items are queued (exact to within <see cref="ReleaseStep"/>).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True when nothing is queued.</summary>
    public bool IsEmpty => _items.IsEmpty;

    /// <summary>Queues a user message; false when <c>send-queue-size</c> items are waiting already.</summary>
    public bool TryWriteUser(in OutboundItem item)
    {
        if (!TryEnqueueUser(item))
        {
            return false;
        }

        WakeReader();
        return true;
    }

    /// <summary>Like <see cref="TryWriteUser"/>, but the caller wakes the reader (<see cref="WakeReader"/>) when it sees fit.</summary>
    public bool TryEnqueueUser(in OutboundItem item)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _items.Enqueue(item);
        return true;
    }

    /// <summary>Queues one of the association's own items, whatever the queue holds.</summary>
    public void WriteControl(in OutboundItem item)
    {
        Interlocked.Increment(ref _count);
        _items.Enqueue(item);
        WakeReader();
    }

    /// <summary>Takes the next item; only the writer task calls this.</summary>
    public bool TryRead(out OutboundItem item)
    {
        if (!_items.TryDequeue(out item))
        {
            ReleaseRead();
            return false;
        }

        if (++_unreleased == ReleaseStep)
        {
            ReleaseRead();
        }

        return true;
    }

    /// <summary>
    /// Completes when an item may be there, or when <paramref name="cancellationToken"/> is
    /// cancelled (the caller checks it after waking). Only the writer task calls this, and it
    /// registers <see cref="WakeReader"/> on the token for as long as it waits in a loop.
    /// </summary>
    public ValueTask WaitToReadAsync(CancellationToken cancellationToken)
    {
        if (!_items.IsEmpty || cancellationToken.IsCancellationRequested)
        {
            return ValueTask.CompletedTask;
        }

        ReleaseRead();
        _wakeUp.Reset();

        // The flag is published with a full fence before the queue and token are looked at
        // again: a sender that enqueued before it was set is seen here, one after it sees the flag.
        Interlocked.Exchange(ref _waiting, 1);
        if ((!_items.IsEmpty || cancellationToken.IsCancellationRequested) && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(this, _wakeUp.Version);
    }

    /// <summary>Wakes a waiting writer; safe from any thread, and cheap when nobody waits.</summary>
    /// <param name="inline">
    /// Run the writer on this thread until it waits again (it writes what is queued, one system
    /// call per batch) rather than on another thread-pool thread. For the end of an actor's run:
    /// its messages are all queued, and a hand-off to another thread would only add a wake-up.
    /// </param>
    public void WakeReader(bool inline = false)
    {
        if (Volatile.Read(ref _waiting) == 1 && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            if (inline)
            {
                CompleteWait();
                return;
            }

            // The writer goes to the back of the pool's global queue, not to this thread's local
            // queue (which the thread pops last-in first-out): work already queued here, such as
            // the callers a batch of replies woke, runs first and queues its own sends, and the
            // writer then takes them all in one batch.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => CompleteWait();

    // Runs the writer's continuation on this thread; only the waker that won the exchange in
    // WakeReader gets here.
    private void CompleteWait()
    {
        _wakeUp.RunContinuationsAsynchronously = false;
        _wakeUp.SetResult(true);
    }

    void IValueTaskSource.GetResult(short token) => _wakeUp.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _wakeUp.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wakeUp.OnCompleted(continuation, state, token, flags);

    private void ReleaseRead()
    {
        if (_unreleased > 0)
        {
            Interlocked.Add(ref _count, -_unreleased);
            _unreleased = 0;
        }
    }
}
