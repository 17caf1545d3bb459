using ActorIpc.Dispatch;

namespace ActorIpc.Spi;

/// <summary>
/// The work a transport's read thread takes on itself rather than handing it to the thread
/// pool, where the hand-off is a thread wake-up on the way of every request. While
/// <see cref="Collecting"/>'s scope is open on a thread, two things wait here instead of going to
/// the pool: each actor that <see cref="DeliveryBatch.Flush"/> on that thread makes due, if its
/// dispatcher lets any thread run it; and each Ask that a reply delivered on that thread
/// settles, whose task then completes here, so the code awaiting it runs on this thread. The
/// thread then runs them (<see cref="Run"/>), once it has made sure that another thread can take
/// over its reading if they are slow, since user code may block; or, with no thread to spare,
/// schedules them after all (<see cref="Schedule"/>). One per thread; not thread-safe.
/// </summary>
public sealed class InlineTurns
{
    [ThreadStatic]
    private static InlineTurns? t_collecting;

    [ThreadStatic]
    private static InlineTurns? t_running;

    // What the turns' code deferred to their end (a writer to wake).
    private readonly List<IEndOfRunWork> _endOfRun = [];

    // Mailboxes, and Asks whose tasks are to complete (their continuations then run here).
    private readonly List<IThreadPoolWorkItem> _due = [];

    /// <summary>Whether nothing waits here.</summary>
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
    /// Runs what was collected, in order, on this thread: each actor's turn (an actor with
    /// messages left after it is scheduled as usual), each Ask's completion with its awaiting
    /// code. What that code defers to the end of its run (<see cref="ActorSystemSpi.TryDeferToEndOfRun"/>:
    /// a writer to wake, once for all the sends) runs once, after all of them. Call it only where
    /// user code that blocks holds up nothing else (another thread can read meanwhile).
    /// </summary>
    public void Run()
    {
        var ran = 0;
        t_running = this;
        try
        {
            for (; ran < _due.Count; ran++)
            {
                _due[ran].Execute();
            }
        }
        finally
        {
            t_running = null;
            Mailbox.RunAndClear(_endOfRun);

            // A turn that threw (the actor's own failures are handled inside it) leaves the
            // rest to the pool rather than stranded as scheduled.
            for (ran++; ran < _due.Count; ran++)
            {
                ScheduleOne(_due[ran]);
            }

            _due.Clear();
        }
    }

    /// <summary>Hands everything collected to where it would have gone: each actor to its dispatcher, each Ask's completion to the pool.</summary>
    public void Schedule()
    {
        foreach (var work in _due)
        {
            ScheduleOne(work);
        }

        _due.Clear();
    }

    /// <summary>Leaves <paramref name="mailbox"/> to this thread's collection, if it has one and any thread may run it.</summary>
    internal static bool TryTake(Mailbox mailbox) => mailbox.Dispatcher.RunsOnAnyThread && TryDefer(mailbox);

    /// <summary>Leaves <paramref name="work"/> (an Ask's completion) to this thread's collection, if it has one.</summary>
    internal static bool TryDefer(IThreadPoolWorkItem work)
    {
        var turns = t_collecting;
        if (turns is null)
        {
            return false;
        }

        turns._due.Add(work);
        return true;
    }

    /// <summary>
    /// Keeps <paramref name="work"/> (once) for the end of the inline turns running on this
    /// thread, as an actor's run keeps it for its end (<see cref="ActorSystemSpi.TryDeferToEndOfRun"/>);
    /// false when this thread runs none.
    /// </summary>
    internal static bool TryDeferToEndOfTurns(IEndOfRunWork work)
    {
        var turns = t_running;
        if (turns is null)
        {
            return false;
        }

        Mailbox.AddOnce(turns._endOfRun, work);
        return true;
    }

    private static void ScheduleOne(IThreadPoolWorkItem work)
    {
        if (work is Mailbox mailbox)
        {
            mailbox.Dispatcher.Schedule(mailbox);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        }
    }

    /// <summary>Ends <see cref="Collecting"/> when disposed.</summary>
    public readonly struct CollectingScope : IDisposable
    {
        /// <summary>Stops collecting on this thread.</summary>
        public void Dispose() => t_collecting = null;
    }
}
