using System.Collections.Concurrent;

namespace ActorIpc;

/// <summary>
/// The promises reachable by number (<c>/temp/$n</c>): those handed out as a sender, e.g. to
/// another process, until they complete. Registered, found and removed at Ask rates from every
/// thread, so the common case takes one atomic operation and allocates nothing.
/// </summary>
/// <remarks>
/// Numbers are drawn in increasing order, so the promises waiting at one time have numbers close
/// together: each goes to the slot its number picks in a fixed ring, compared and swapped in.
/// Only when that slot still holds an older promise (one that has waited while
/// <see cref="SlotCount"/> later ones were registered) does the newcomer go to a dictionary
/// beside the ring. A lookup checks the slot's occupant by number, so a slot never answers for
/// a promise it does not hold.
/// </remarks>
internal sealed class TempRegistry
{
    /// <summary>How many promises the ring holds; a power of two.</summary>
    internal const int SlotCount = 4096;

    private const long Mask = SlotCount - 1;

    private readonly PromiseActorRef?[] _slots = new PromiseActorRef?[SlotCount];
    private readonly ConcurrentDictionary<long, PromiseActorRef> _overflow = new();
    private int _overflowCount;

    /// <summary>Makes <paramref name="promise"/> reachable by its number (<see cref="PromiseActorRef.TempId"/>, not 0).</summary>
    public void Add(PromiseActorRef promise)
    {
        var id = promise.TempId;
        if (Interlocked.CompareExchange(ref _slots[id & Mask], promise, null) is null)
        {
            return;
        }

        Interlocked.Increment(ref _overflowCount);
        _overflow[id] = promise;
    }

    /// <summary>The promise numbered <paramref name="id"/>, or null.</summary>
    public PromiseActorRef? Find(long id)
    {
        var promise = Volatile.Read(ref _slots[id & Mask]);
        if (promise is not null && promise.TempId == id)
        {
            return promise;
        }

        return Volatile.Read(ref _overflowCount) > 0 && _overflow.TryGetValue(id, out promise) ? promise : null;
    }

    /// <summary>Makes <paramref name="promise"/> unreachable; nothing happens if it is not registered.</summary>
    public void Remove(PromiseActorRef promise)
    {
        var id = promise.TempId;
        if (ReferenceEquals(Interlocked.CompareExchange(ref _slots[id & Mask], null, promise), promise))
        {
            return;
        }

        if (Volatile.Read(ref _overflowCount) > 0 && _overflow.TryRemove(new KeyValuePair<long, PromiseActorRef>(id, promise)))
        {
            Interlocked.Decrement(ref _overflowCount);
        }
    }
}
