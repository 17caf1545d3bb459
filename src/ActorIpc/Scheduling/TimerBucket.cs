namespace ActorIpc.Scheduling;

/// <summary>
/// One slot of the wheel: an intrusive doubly linked list of entries, so adding and removing
/// allocate nothing and removal is O(1). Touched by the wheel thread only, hence no locks.
/// </summary>
internal sealed class TimerBucket
{
    private TimerEntry? _head;
    private TimerEntry? _tail;

    /// <summary>The first entry, or null when the bucket is empty.</summary>
    public TimerEntry? Head => _head;

    /// <summary>Appends <paramref name="entry"/>, which must be in no bucket and have its <see cref="TimerEntry.DeadlineTick"/> set to this bucket's.</summary>
    public void Add(TimerEntry entry)
    {
        entry.Previous = _tail;
        entry.Next = null;
        if (_tail is null)
        {
            _head = entry;
        }
        else
        {
            _tail.Next = entry;
        }

        _tail = entry;
    }

    /// <summary>Unlinks <paramref name="entry"/>, which must be in this bucket, and clears its links.</summary>
    public void Remove(TimerEntry entry)
    {
        var next = entry.Next;
        var previous = entry.Previous;
        if (previous is null)
        {
            _head = next;
        }
        else
        {
            previous.Next = next;
        }

        if (next is null)
        {
            _tail = previous;
        }
        else
        {
            next.Previous = previous;
        }

        // Cleared so that an unlinked entry does not keep its former neighbours reachable.
        entry.Next = null;
        entry.Previous = null;
        entry.DeadlineTick = TimerEntry.NotInBucket;
    }
}
