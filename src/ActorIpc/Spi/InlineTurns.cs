using ActorIpc.Dispatch;

namespace ActorIpc.Spi;

/// <summary>
/// The actor turns a transport's read thread takes itself rather than handing them to the
/// thread pool: the hand-off is a thread wake-up on the way of every request. While
/// <see cref="Collecting"/>'s scope is open on a thread, <see cref="DeliveryBatch.Flush"/> on that
/// thread leaves here each actor that became due and whose dispatcher lets any thread run it.
/// The thread then runs them (<see cref="Run"/>), once it has made sure that another thread goes
/// on reading, since an actor may block; or, with no thread to spare, schedules them after all
/// (<see cref="Schedule"/>). One per thread; not thread-safe.
/// </summary>
public sealed class InlineTurns
{
    [ThreadStatic]
    private static InlineTurns? t_collecting;

    private readonly List<Mailbox> _due = [];

    /// <summary>Whether no actor waits here for its turn.</summary>
    public bool IsEmpty => _due.Count == 0;

    /// <summary>
    /// Collects on this thread until the scope is disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">This thread already collects.</exception>
    public CollectingScope Collecting()
    {
        if (t_collecting is not null)
        {
            throw new InvalidOperationException("This thread already collects inline turns.");
        }

        t_collecting = this;
        return default;
    }

    /// <summary>
    /// Runs the turn of each actor collected, in the order they became due, on this thread; an
    /// actor with messages left after its turn is scheduled as usual. Call it only when a
    /// blocking actor would hold up nothing else (another thread reads meanwhile).
    /// </summary>
    public void Run()
    {
        var ran = 0;
        try
        {
            for (; ran < _due.Count; ran++)
            {
                _due[ran].Execute();
            }
        }
        finally
        {
            // A turn that threw (the actor's own failures are handled inside it) leaves the
            // rest to the pool rather than stranded as scheduled.
            for (ran++; ran < _due.Count; ran++)
            {
                _due[ran].Dispatcher.Schedule(_due[ran]);
            }

            _due.Clear();
        }
    }

    /// <summary>Schedules every actor collected on its dispatcher, as <see cref="DeliveryBatch.Flush"/> would have.</summary>
    public void Schedule()
    {
        foreach (var mailbox in _due)
        {
            mailbox.Dispatcher.Schedule(mailbox);
        }

        _due.Clear();
    }

    /// <summary>Leaves <paramref name="mailbox"/> to this thread's collection, if it has one and any thread may run it.</summary>
    internal static bool TryTake(Mailbox mailbox)
    {
        var turns = t_collecting;
        if (turns is null || !mailbox.Dispatcher.RunsOnAnyThread)
        {
            return false;
        }

        turns._due.Add(mailbox);
        return true;
    }

    /// <summary>Ends <see cref="Collecting"/> when disposed.</summary>
    public readonly struct CollectingScope : IDisposable
    {
        /// <summary>Stops collecting on this thread.</summary>
        public void Dispose() => t_collecting = null;
    }
}
