using System.Collections.Concurrent;
using System.Numerics;

namespace ActorIpc;

/// <summary>
/// Relays cancellation tokens to the Asks waiting on them: one registration per token, however
/// many Asks share it, instead of one per Ask.
/// </summary>
/// <remarks>
/// <para>
/// A service often passes one token to every Ask it makes (its stopping token). Registering
/// each Ask on that token directly serialises every Ask and every reply of the process on the
/// token's internal lock, and on two cores the contention halved the Ask rate. Here each token
/// gets a <see cref="Hub"/>: an append-only list of slots. Adding a promise costs one
/// interlocked increment; a completed promise clears its slot with a plain write and one
/// interlocked decrement. When the token is cancelled, the hub's one registration walks the
/// slots and cancels every promise still in one.
/// </para>
/// <para>
/// A sweep (<see cref="Sweep"/>, every <see cref="SweepInterval"/> on the scheduler) unlinks
/// the segments whose promises have all completed, and retires a hub with no promise left: its
/// registration is removed, so a short-lived token (one per request) leaves nothing behind.
/// </para>
/// </remarks>
internal sealed class AskCancellations
{
    /// <summary>How often hubs without promises are retired and spent segments unlinked.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);

    private const int FirstSegmentSize = 8;
    private const int MaxSegmentSize = 1024;

    // Written into a segment's reservation counter when its hub retires: any later reservation
    // lands at or beyond it and learns that the hub is closed.
    private const int ClosedMark = int.MaxValue / 2;

    // A hub per token and per processor stripe: Asks made on different cores do not contend
    // for one hub's counter.
    private readonly ConcurrentDictionary<(CancellationToken Token, int Stripe), Hub> _hubs = new();
    private readonly int _stripeMask = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)) - 1;
    private readonly Action<AskCancellations> _startSweeping;
    private int _sweeping;
    private int _closed;

    /// <param name="startSweeping">Called once, with the first hub: arranges for <see cref="Sweep"/> to run every <see cref="SweepInterval"/>, one run at a time.</param>
    public AskCancellations(Action<AskCancellations> startSweeping)
    {
        ArgumentNullException.ThrowIfNull(startSweeping);
        _startSweeping = startSweeping;
    }

    /// <summary>The live hubs (tests).</summary>
    internal int HubCount => _hubs.Count;

    /// <summary>The segments linked in live hubs (tests).</summary>
    internal int SegmentCount => _hubs.Values.Sum(hub => hub.SegmentCount);

    /// <summary>
    /// Cancels <paramref name="promise"/> (through <see cref="PromiseActorRef.CancelByToken"/>)
    /// when <paramref name="token"/> is cancelled, until the promise completes and calls
    /// <see cref="Release"/>. If the token is already cancelled, the promise is cancelled
    /// before this returns.
    /// </summary>
    public void Add(CancellationToken token, PromiseActorRef promise)
    {
        while (Volatile.Read(ref _closed) == 0)
        {
            var key = (token, Thread.GetCurrentProcessorId() & _stripeMask);
            if (!_hubs.TryGetValue(key, out var hub))
            {
                var created = new Hub(token);
                if (!_hubs.TryAdd(key, created))
                {
                    continue;
                }

                created.Register();
                if (Interlocked.Exchange(ref _sweeping, 1) == 0)
                {
                    _startSweeping(this);
                }

                hub = created;
            }

            if (hub.TryAdd(promise))
            {
                // A cancellation that ran its callback before the slot was published did not
                // see this promise; the flag is set before the callbacks run, so it is seen here.
                if (token.IsCancellationRequested)
                {
                    promise.CancelByToken(token);
                }

                // Likewise a Close that walked the hub before the slot was published: the fence
                // orders the slot's store before this load, and Close sets the flag before it
                // walks, so one of the two sees the other.
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _closed) != 0)
                {
                    // The hub may be one made after Close walked them: it must not stay registered.
                    hub.Unregister();
                    promise.SystemTerminated();
                }

                return;
            }

            // The sweep retired this hub between the lookup and the add: take a fresh one.
            _hubs.TryRemove(KeyValuePair.Create(key, hub));
        }

        // The system terminated (Close): its promises were failed. The promise is failed the same
        // way, since no token and no timeout can end it.
        promise.SystemTerminated();
    }

    /// <summary>
    /// Frees the slot of a completed promise, so the hub no longer keeps it alive. Idempotent;
    /// nothing happens for a promise never added.
    /// </summary>
    public static void Release(PromiseActorRef promise)
    {
        // The plain read spares an Ask without a token the interlocked exchange.
        if (Volatile.Read(ref promise.TokenSegment) is not null && Interlocked.Exchange(ref promise.TokenSegment, null) is { } segment)
        {
            Volatile.Write(ref segment.Items[promise.TokenIndex], null);
            Interlocked.Decrement(ref segment.Live);
        }
    }

    /// <summary>
    /// Unlinks spent segments and retires hubs that hold no promise; returns the number of hubs
    /// left. Runs on one thread at a time (the scheduler's).
    /// </summary>
    public int Sweep()
    {
        foreach (var (key, hub) in _hubs)
        {
            if (hub.TryRetire())
            {
                _hubs.TryRemove(KeyValuePair.Create(key, hub));
            }
        }

        return _hubs.Count;
    }

    /// <summary>
    /// The system terminated: every promise still waiting on a token fails
    /// (<see cref="PromiseActorRef.SystemTerminated"/>), and every hub drops its registration, so
    /// the tokens no longer reference the system. Later adds do nothing.
    /// </summary>
    public void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        foreach (var (key, hub) in _hubs)
        {
            hub.Unregister();
            hub.ForEachWaiting(static promise => promise.SystemTerminated());
            _hubs.TryRemove(KeyValuePair.Create(key, hub));
        }
    }

    /// <summary>A run of slots; a completed promise clears its own.</summary>
    internal sealed class Segment(int size)
    {
        public readonly PromiseActorRef?[] Items = new PromiseActorRef?[size];

        /// <summary>Slots handed out (may pass the size: those reservations failed); <see cref="ClosedMark"/> and above once the hub retired.</summary>
        public int Reserved;

        /// <summary>The size minus the slots released: 0 once every slot was used and released.</summary>
        public int Live = size;

        public Segment? Next;
    }

    /// <summary>The promises waiting on one token.</summary>
    private sealed class Hub
    {
        private readonly CancellationToken _token;
        private Segment _head;
        private Segment _tail;
        private CancellationTokenRegistration _registration;
        private bool _retired;

        public Hub(CancellationToken token)
        {
            _token = token;
            _head = new Segment(FirstSegmentSize);
            _tail = _head;
        }

        public int SegmentCount
        {
            get
            {
                var count = 0;
                for (var segment = Volatile.Read(ref _head); segment is not null; segment = Volatile.Read(ref segment.Next))
                {
                    count++;
                }

                return count;
            }
        }

        public void Register()
        {
            var registration = _token.UnsafeRegister(static (state, t) => ((Hub)state!).CancelAll(t), this);
            lock (this)
            {
                if (_retired)
                {
                    registration.Unregister();
                }
                else
                {
                    _registration = registration;
                }
            }
        }

        public void Unregister()
        {
            lock (this)
            {
                _retired = true;
                _registration.Unregister();
            }
        }

        /// <summary>Puts <paramref name="promise"/> in a slot; false if the hub retired.</summary>
        public bool TryAdd(PromiseActorRef promise)
        {
            while (true)
            {
                var segment = Volatile.Read(ref _tail);
                var index = Interlocked.Increment(ref segment.Reserved) - 1;
                if (index < segment.Items.Length)
                {
                    // Where the promise sits is recorded before the slot is published, so the
                    // cancellation walk, which finds it by the slot, can also release it.
                    promise.TokenSegment = segment;
                    promise.TokenIndex = index;
                    Volatile.Write(ref segment.Items[index], promise);
                    return true;
                }

                if (index >= ClosedMark)
                {
                    return false;
                }

                var next = Volatile.Read(ref segment.Next);
                if (next is null)
                {
                    var created = new Segment(Math.Min(segment.Items.Length * 2, MaxSegmentSize));
                    next = Interlocked.CompareExchange(ref segment.Next, created, null) ?? created;
                }

                Interlocked.CompareExchange(ref _tail, next, segment);
            }
        }

        /// <summary>
        /// Unlinks the spent segments before the tail; if no promise is left at all, closes the
        /// hub to further adds and drops its registration. Sweep thread only.
        /// </summary>
        public bool TryRetire()
        {
            var tail = Volatile.Read(ref _tail);
            Segment? previous = null;
            for (var segment = _head; !ReferenceEquals(segment, tail); segment = segment.Next!)
            {
                if (Volatile.Read(ref segment.Live) == 0)
                {
                    // Adds touch only the tail; a cancellation walk on this segment goes on
                    // through its Next, which stays as it is.
                    if (previous is null)
                    {
                        Volatile.Write(ref _head, segment.Next!);
                    }
                    else
                    {
                        previous.Next = segment.Next;
                    }
                }
                else
                {
                    previous = segment;
                }
            }

            if (!ReferenceEquals(_head, tail))
            {
                return false;
            }

            // Every slot reserved so far was released. Closing the counter at the value read
            // proves no add came in between; an add after it sees the mark and goes elsewhere.
            var reserved = Volatile.Read(ref tail.Reserved);
            if (reserved >= tail.Items.Length
                || Volatile.Read(ref tail.Live) != tail.Items.Length - reserved
                || Interlocked.CompareExchange(ref tail.Reserved, ClosedMark, reserved) != reserved)
            {
                return false;
            }

            Unregister();
            return true;
        }

        /// <summary>Calls <paramref name="action"/> for every promise in a slot (it may release the slot meanwhile).</summary>
        public void ForEachWaiting(Action<PromiseActorRef> action)
        {
            for (var segment = Volatile.Read(ref _head); segment is not null; segment = Volatile.Read(ref segment.Next))
            {
                var limit = Math.Min(Volatile.Read(ref segment.Reserved), segment.Items.Length);
                for (var i = 0; i < limit; i++)
                {
                    if (Volatile.Read(ref segment.Items[i]) is { } promise)
                    {
                        action(promise);
                    }
                }
            }
        }

        private void CancelAll(CancellationToken cancelled) => ForEachWaiting(promise => promise.CancelByToken(cancelled));
    }
}
