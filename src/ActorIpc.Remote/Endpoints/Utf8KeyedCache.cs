using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// Values for text a connection's frames keep repeating (paths, manifests), looked up by the
/// text's UTF-8 bytes straight from the frame, so a repeat is neither decoded nor validated
/// again. Separate chaining over private copies of the keys: a hash (seeded per process, so a
/// peer cannot aim keys at one bucket) picks the bucket and a byte comparison the key, so
/// different keys with the same hash stay apart. Bounded, since a peer chooses the text: when
/// full it is cleared and starts over, and keys over a byte limit are never kept. Used by one
/// reader at a time.
/// </summary>
/// <typeparam name="T">The cached value.</typeparam>
internal sealed class Utf8KeyedCache<T>
    where T : class
{
    private readonly int _capacity;
    private readonly int _maxKeyBytes;

    // Index + 1 of each bucket's newest entry; 0 for an empty bucket.
    private readonly int[] _buckets;
    private Entry[] _entries = new Entry[4];

    // Entry indexes of the two keys found last (int.MaxValue: none); entries never move until a clear.
    private int _recent0 = int.MaxValue;
    private int _recent1 = int.MaxValue;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">How many keys it holds before it is cleared.</param>
    /// <param name="maxKeyBytes">The longest key it keeps; a longer one is decoded for every lookup.</param>
    public Utf8KeyedCache(int capacity, int maxKeyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeyBytes);
        _capacity = capacity;
        _maxKeyBytes = maxKeyBytes;
        _buckets = new int[BitOperations.RoundUpToPowerOf2((uint)capacity)];
    }

    /// <summary>How many keys it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The hash that <see cref="TryGetValue"/> and <see cref="Set"/> expect for <paramref name="key"/>.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The value cached for <paramref name="key"/>'s bytes unless <paramref name="isStale"/> rejects
    /// it; otherwise decodes the key, makes the value from the text with <paramref name="create"/>
    /// and caches it. Only a miss decodes: the bytes of a hit were checked when first decoded.
    /// </summary>
    /// <exception cref="ProtocolException">A key missing from the cache is not valid UTF-8 (see <see cref="Utf8Field.Decode"/>).</exception>
    public T GetOrAdd(Utf8Field key, Func<string, T> create, Func<T, bool>? isStale = null)
    {
        var bytes = key.Bytes;
        if (bytes.Length > _maxKeyBytes)
        {
            return create(key.Decode());
        }

        // Frames of one buffer mostly name the keys of the frame before: the two keys found last
        // are compared first, without hashing.
        if (TryGetRecent(bytes, isStale, out var recent))
        {
            return recent;
        }

        var hash = Hash(bytes);
        var index = Find(bytes, hash);
        if (index >= 0 && (isStale is null || !isStale(_entries[index].Value)))
        {
            Remember(index);
            return _entries[index].Value;
        }

        var value = create(key.Decode());
        Set(bytes, hash, value);
        Remember(Find(bytes, hash));
        return value;
    }

    /// <summary>
    /// The value of <paramref name="key"/> if it is one of the two keys found last and
    /// <paramref name="isStale"/> does not reject it: a byte comparison or two, without hashing.
    /// </summary>
    public bool TryGetRecent(ReadOnlySpan<byte> key, Func<T, bool>? isStale, [MaybeNullWhen(false)] out T value)
        => TryRecent(key, _recent0, isStale, out value) || TryRecent(key, _recent1, isStale, out value);

    /// <summary>Finds the value cached for <paramref name="key"/>, whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, int hash, [MaybeNullWhen(false)] out T value)
    {
        var index = Find(key, hash);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    /// <summary>
    /// Caches <paramref name="value"/> for <paramref name="key"/> (whose <see cref="Hash"/> is
    /// <paramref name="hash"/>), replacing the value it had; clears the cache first when a new key finds it full.
    /// </summary>
    public void Set(ReadOnlySpan<byte> key, int hash, T value)
    {
        var index = Find(key, hash);
        if (index >= 0)
        {
            _entries[index].Value = value;
            return;
        }

        if (Count == _capacity)
        {
            Array.Clear(_buckets);
            Array.Clear(_entries, 0, Count);
            Count = 0;
            _recent0 = _recent1 = int.MaxValue;
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Min(_capacity, _entries.Length * 2));
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[Count] = new Entry(hash, key.ToArray(), value, bucket - 1);
        bucket = ++Count;
    }

    private bool TryRecent(ReadOnlySpan<byte> key, int index, Func<T, bool>? isStale, [MaybeNullWhen(false)] out T value)
    {
        if (index < Count)
        {
            ref readonly var entry = ref _entries[index];
            if (key.SequenceEqual(entry.Key) && (isStale is null || !isStale(entry.Value)))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    private void Remember(int index)
    {
        if (index != _recent0)
        {
            _recent1 = _recent0;
            _recent0 = index;
        }
    }

    private int Find(ReadOnlySpan<byte> key, int hash)
    {
        for (var index = _buckets[hash & (_buckets.Length - 1)] - 1; index >= 0; index = _entries[index].Next)
        {
            ref readonly var entry = ref _entries[index];
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                return index;
            }
        }

        return -1;
    }

    private struct Entry(int hash, byte[] key, T value, int next)
    {
        public readonly int Hash = hash;
        public readonly byte[] Key = key;
        public readonly int Next = next;
        public T Value = value;
    }
}
