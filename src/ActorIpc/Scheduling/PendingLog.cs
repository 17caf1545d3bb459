using System.Numerics;

namespace ActorIpc.Scheduling;

/// <summary>
/// The entries scheduled since the wheel thread last looked: an append-only list of fixed-size
/// segments that many threads append to and the wheel thread alone reads.
/// </summary>
/// <remarks>
/// Built for Asks, which are scheduled by the million and mostly answered within a tick: an
/// entry cancelled while pending overwrites its own slot with a marker (<see cref="Forget"/>),
/// so the list stops referencing it at once. It can then die young (a queue would keep it alive
/// until the next tick and have every young collection promote it), and the wheel thread skips
/// the marker without touching the entry's cold memory.
/// <para>
/// The list is striped by processor: a thread appends to its core's stripe, so threads on
/// different cores do not contend for one counter and its cache line.
/// </para>
/// </remarks>
internal sealed class PendingLog
{
    private const int SegmentSize = 1024;

    private static readonly TimerEntry Removed = new RemovedMarker();

    private readonly Stripe[] _stripes;
    private readonly int _stripeMask;

    // Reader side: the wheel thread only. The stripe being read.
    private int _readStripe;

    public PendingLog()
    {
        var count = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));
        _stripes = new Stripe[count];
        for (var i = 0; i < count; i++)
        {
            _stripes[i] = new Stripe();
        }

        _stripeMask = count - 1;
    }

    /// <summary>Slots appended and not yet read, cancelled ones included (reader's view).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var stripe in _stripes)
            {
                count += stripe.Count;
            }

            return count;
        }
    }

    /// <summary>True when every appended slot has been read (reader's view).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Appends <paramref name="entry"/> to the calling core's stripe: one interlocked increment and a store, no lock.</summary>
    public void Append(TimerEntry entry) => _stripes[Thread.GetCurrentProcessorId() & _stripeMask].Append(entry);

    /// <summary>Drops a cancelled entry's slot so the list no longer keeps it alive.</summary>
    public static void Forget(TimerEntry entry)
    {
        if (entry.PendingSegment is { } items)
        {
            Volatile.Write(ref items[entry.PendingIndex], Removed);
            entry.PendingSegment = null;
        }
    }

    /// <summary>
    /// Reads the next live slot, one stripe after the other. False when every stripe is at its
    /// end or at a slot reserved but not yet written (its writer is between two instructions):
    /// that slot is read at the next tick, in its stripe's order.
    /// </summary>
    public bool TryTake(out TimerEntry entry)
    {
        for (var tried = 0; tried < _stripes.Length; tried++)
        {
            if (_stripes[_readStripe].TryTake(out entry))
            {
                return true;
            }

            _readStripe = (_readStripe + 1) & _stripeMask;
        }

        entry = null!;
        return false;
    }

    private sealed class Stripe
    {
        private Segment _tail;

        // Reader side: the wheel thread only.
        private Segment _head;
        private int _headIndex;

        public Stripe()
        {
            _head = new Segment();
            _tail = _head;
        }

        public int Count
        {
            get
            {
                var count = 0;
                var index = _headIndex;
                for (var segment = _head; segment is not null; segment = Volatile.Read(ref segment.Next))
                {
                    count += Math.Min(Volatile.Read(ref segment.Reserved), SegmentSize) - index;
                    index = 0;
                }

                return count;
            }
        }

        public void Append(TimerEntry entry)
        {
            while (true)
            {
                var segment = Volatile.Read(ref _tail);
                var index = Interlocked.Increment(ref segment.Reserved) - 1;
                if (index < SegmentSize)
                {
                    // Where the entry sits is recorded before the slot is published, so a cancel
                    // that sees the slot's owner can find it; a cancel that comes earlier still
                    // works: the reader drops the cancelled entry when it gets there.
                    entry.PendingSegment = segment.Items;
                    entry.PendingIndex = index;
                    Volatile.Write(ref segment.Items[index], entry);
                    return;
                }

                var next = Volatile.Read(ref segment.Next);
                if (next is null)
                {
                    var created = new Segment();
                    next = Interlocked.CompareExchange(ref segment.Next, created, null) ?? created;
                }

                Interlocked.CompareExchange(ref _tail, next, segment);
            }
        }

        public bool TryTake(out TimerEntry entry)
        {
            while (true)
            {
                var segment = _head;
                var limit = Math.Min(Volatile.Read(ref segment.Reserved), SegmentSize);
                while (_headIndex < limit)
                {
                    var item = Volatile.Read(ref segment.Items[_headIndex]);
                    if (item is null)
                    {
                        entry = null!;
                        return false;
                    }

                    _headIndex++;
                    if (!ReferenceEquals(item, Removed))
                    {
                        // Read: the entry no longer needs its slot, and must not keep the segment alive.
                        item.PendingSegment = null;
                        entry = item;
                        return true;
                    }
                }

                var next = Volatile.Read(ref segment.Next);
                if (limit < SegmentSize || next is null)
                {
                    entry = null!;
                    return false;
                }

                // The finished segment is left to the collector; a late Forget writing into it is harmless.
                _head = next;
                _headIndex = 0;
            }
        }
    }

    private sealed class Segment
    {
        public readonly TimerEntry?[] Items = new TimerEntry?[SegmentSize];
        public int Reserved;
        public Segment? Next;
    }

    private sealed class RemovedMarker : TimerEntry
    {
        protected internal override void Expire()
        {
        }
    }
}
