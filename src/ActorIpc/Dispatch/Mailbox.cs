using System.Collections.Concurrent;
using ActorIpc.Spi;

namespace ActorIpc.Dispatch;

/// <summary>
/// An actor's queues (system messages ahead of user messages) and the work item that drains
/// them. A mailbox is scheduled on its dispatcher at most once at a time: senders flip it from
/// idle to scheduled with one CAS, and the run that drains it flips it back, so an actor never
/// runs on two threads and a send to a busy actor costs one enqueue.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    // The default unbounded queue is held inline (made on the first message) rather than behind
    // IMessageQueue: one object less per actor, and no interface call per message.
    private readonly IMessageQueue? _queue;
    private ConcurrentQueue<Envelope>? _unbounded;
    private SystemMessage? _systemStack;
    private int _status;
    private volatile bool _closed;

    // Only touched by the thread running the mailbox.
    private int _suspendCount;
    private List<IEndOfRunWork>? _endOfRun;
    private LinkedList<Envelope>? _front;

    /// <summary>Creates a mailbox; a null <paramref name="queue"/> means the default unbounded queue.</summary>
    public Mailbox(IMessageQueue? queue, MessageDispatcher dispatcher)
    {
        _queue = queue;
        Dispatcher = dispatcher;
    }

    public ActorCell Cell { get; private set; } = null!;

    public MessageDispatcher Dispatcher { get; }

    public bool IsClosed => _closed;

    public bool IsSuspended => _suspendCount > 0;

    public int QueuedMessages => (_queue?.Count ?? _unbounded?.Count ?? 0) + (_front?.Count ?? 0);

    public void SetCell(ActorCell cell) => Cell = cell;

    public void Post(in Envelope envelope)
    {
        if (Enqueue(envelope))
        {
            TrySchedule();
        }
    }

    /// <summary>
    /// Like <see cref="Post"/>, but when the message makes the mailbox due to run, it is added to
    /// <paramref name="batch"/>, which schedules it later (once for all the messages of a batch).
    /// </summary>
    public void PostDeferred(in Envelope envelope, DeliveryBatch batch)
    {
        if (Enqueue(envelope) && TryMarkScheduled())
        {
            batch.Defer(this);
        }
    }

    public void PostSystem(SystemMessage message)
    {
        if (_closed)
        {
            Cell.System.DeadLetters.DeliverSystem(message, Cell.Self);
            return;
        }

        // Lock-free push onto a LIFO stack; the consumer takes the whole stack and reverses it.
        var head = Volatile.Read(ref _systemStack);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemStack, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }

            head = seen;
        }

        if (_closed)
        {
            DrainSystemToDeadLetters();
            return;
        }

        TrySchedule();
    }

    /// <summary>Puts messages back at the front, in the given order (unstash).</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        _front ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _front.AddFirst(envelopes[i]);
        }
    }

    public void Suspend() => _suspendCount++;

    public void Resume()
    {
        if (_suspendCount > 0)
        {
            _suspendCount--;
        }
    }

    /// <summary>Closes the mailbox for good; what is queued and what arrives later goes to dead letters.</summary>
    public void Close()
    {
        _closed = true;
        DrainToDeadLetters();
        DrainSystemToDeadLetters();
        Dispatcher.Detach(this);
    }

    public void Execute()
    {
        var previous = ActorCell.EnterThread(Cell);
        try
        {
            ProcessSystemMessages();
            if (!_closed && _suspendCount == 0)
            {
                ProcessUserMessages();
            }
        }
        finally
        {
            ActorCell.LeaveThread(previous);
            if (_endOfRun is { Count: > 0 })
            {
                RunEndOfRunWork();
            }

            // A full fence, not a plain release store: the check below must not be satisfied
            // by a read from before the store. Otherwise a sender could enqueue, still see
            // "scheduled", skip scheduling, while this run saw an empty queue: the message
            // would sit in an idle mailbox until the next send (a lost wake-up).
            Interlocked.Exchange(ref _status, Idle);
            if (HasPendingWork())
            {
                TrySchedule();
            }
        }
    }

    /// <summary>Keeps <paramref name="work"/> (once) to do when the current run ends; called by the thread running this mailbox.</summary>
    public void DeferToEndOfRun(IEndOfRunWork work) => AddOnce(_endOfRun ??= [], work);

    /// <summary>Adds <paramref name="work"/> to the end-of-run list <paramref name="list"/> unless it is there (a handful at most: a linear scan).</summary>
    internal static void AddOnce(List<IEndOfRunWork> list, IEndOfRunWork work)
    {
        foreach (var pending in list)
        {
            if (ReferenceEquals(pending, work))
            {
                return;
            }
        }

        list.Add(work);
    }

    private void RunEndOfRunWork() => RunAndClear(_endOfRun!);

    /// <summary>Does each work of the end-of-run list <paramref name="list"/>, in order, and empties it.</summary>
    internal static void RunAndClear(List<IEndOfRunWork> list)
    {
        foreach (var work in list)
        {
            work.Run();
        }

        list.Clear();
    }

    // Queues the message; false when the mailbox is closed (the message went to dead letters).
    // Inlined: it is the body of every send.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Enqueue(in Envelope envelope)
    {
        if (_closed)
        {
            Cell.System.DeadLetters.Deliver(envelope, Cell.Self, DeadLetterReasons.Stopped);
            return false;
        }

        if (_queue is null)
        {
            (_unbounded ?? CreateUnbounded()).Enqueue(envelope);
        }
        else if (_queue.Enqueue(envelope, out var dropped))
        {
            Cell.System.DeadLetters.Deliver(dropped, Cell.Self, DeadLetterReasons.MailboxFull);
        }

        // Closing raced with this send: the message may have been queued after the final
        // drain. Drain again so it reaches dead letters instead of staying in a dead mailbox.
        if (_closed)
        {
            DrainQueueToDeadLetters();
            return false;
        }

        return true;
    }

    private void TrySchedule()
    {
        if (TryMarkScheduled())
        {
            Dispatcher.Schedule(this);
        }
    }

    // A plain read first: a busy actor is already scheduled, and a failed CAS would still take
    // the cache line exclusively on every send.
    private bool TryMarkScheduled() =>
        Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle;

    private bool HasPendingWork() =>
        Volatile.Read(ref _systemStack) is not null
        || (!_closed && _suspendCount == 0 && (HasQueuedMessages || _front is { Count: > 0 }));

    private bool HasQueuedMessages => _queue?.HasMessages ?? _unbounded is { IsEmpty: false };

    private ConcurrentQueue<Envelope> CreateUnbounded()
    {
        var created = new ConcurrentQueue<Envelope>();
        return Interlocked.CompareExchange(ref _unbounded, created, null) ?? created;
    }

    private bool TryDequeueQueued(out Envelope envelope)
    {
        if (_queue is not null)
        {
            return _queue.TryDequeue(out envelope);
        }

        if (_unbounded is { } unbounded)
        {
            return unbounded.TryDequeue(out envelope);
        }

        envelope = default;
        return false;
    }

    private void ProcessUserMessages()
    {
        var cell = Cell;
        var left = Dispatcher.Throughput;
        var deadline = Dispatcher.ThroughputDeadlineMs == 0 ? 0 : StartDeadline(Dispatcher.ThroughputDeadlineMs);
        var processed = 0;
        while (left-- > 0 && TryDequeue(out var envelope))
        {
            cell.Invoke(envelope);
            if (deadline != 0 && IsClockDue(++processed) && IsPast(deadline))
            {
                // Out of time: what is left runs in a later turn (Execute reschedules it).
                left = 0;
            }

            // A message may have stopped, suspended or restarted the actor: system messages
            // that arrived meanwhile take effect before the next user message.
            if (Volatile.Read(ref _systemStack) is not null)
            {
                ProcessSystemMessages();
            }

            if (_closed || _suspendCount > 0)
            {
                return;
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long StartDeadline(long milliseconds) => Environment.TickCount64 + milliseconds;

    // Out of line, as above: the clock read stays out of the message loop's code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsPast(long deadline) => Environment.TickCount64 >= deadline;

    // When a run reads the clock: after its 1st, 2nd, 4th and 8th message, then after every 8th.
    // A run of slow messages stops after the first one past the deadline; a run of fast ones
    // reads the clock once per 8 messages (a few nanoseconds each, with the coarse clock), which
    // the per-message cost of an actor that does little cannot afford on every message.
    private static bool IsClockDue(int processed) =>
        processed <= 8 ? (processed & (processed - 1)) == 0 : (processed & 7) == 0;

    private bool TryDequeue(out Envelope envelope)
    {
        if (_front is { Count: > 0 } front)
        {
            envelope = front.First!.Value;
            front.RemoveFirst();
            return true;
        }

        return TryDequeueQueued(out envelope);
    }

    private void ProcessSystemMessages()
    {
        while (!_closed && TakeSystemMessages() is { } message)
        {
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (_closed)
                {
                    Cell.System.DeadLetters.DeliverSystem(message, Cell.Self);
                }
                else
                {
                    Cell.SystemInvoke(message);
                }

                message = next;
            }
        }
    }

    /// <summary>Takes every queued system message, oldest first.</summary>
    private SystemMessage? TakeSystemMessages()
    {
        var stack = Interlocked.Exchange(ref _systemStack, null);
        SystemMessage? ordered = null;
        while (stack is not null)
        {
            var next = stack.Next;
            stack.Next = ordered;
            ordered = stack;
            stack = next;
        }

        return ordered;
    }

    // On the mailbox's own thread (Close): the unstashed front belongs to it.
    private void DrainToDeadLetters()
    {
        while (_front is { Count: > 0 })
        {
            Cell.System.DeadLetters.Deliver(_front.First!.Value, Cell.Self, DeadLetterReasons.Stopped);
            _front.RemoveFirst();
        }

        DrainQueueToDeadLetters();
    }

    // Any thread: the shared queue is safe to drain concurrently.
    private void DrainQueueToDeadLetters()
    {
        while (TryDequeueQueued(out var envelope))
        {
            Cell.System.DeadLetters.Deliver(envelope, Cell.Self, DeadLetterReasons.Stopped);
        }
    }

    private void DrainSystemToDeadLetters()
    {
        var message = TakeSystemMessages();
        while (message is not null)
        {
            var next = message.Next;
            message.Next = null;
            Cell.System.DeadLetters.DeliverSystem(message, Cell.Self);
            message = next;
        }
    }
}
