using System.Diagnostics.CodeAnalysis;

namespace ActorIpc.Hocon;

/// <summary>
/// A HOCON object: named fields in the order they were first defined. Read-only for users;
/// the parser fills it while the document is being read and never touches it afterwards.
/// </summary>
public sealed partial class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    // 0 = not computed yet, 1 = fully resolved, 2 = holds unresolved nodes. A benign race:
    // every thread computes the same answer from immutable data.
    private int _resolutionState;

    internal HoconObject(in Position position, int capacity = 0)
        : base(position)
    {
        _entries = capacity == 0 ? [] : new Entry[capacity];
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.Object;

    /// <summary>The number of fields.</summary>
    public int Count => _count;

    /// <summary>The field names in definition order.</summary>
    public IEnumerable<string> Keys => _entries.Take(_count).Select(e => e.Key);

    /// <summary>The field values in definition order.</summary>
    public IEnumerable<HoconValue> Values => _entries.Take(_count).Select(e => e.Value);

    /// <summary>Gets the value of the field named <paramref name="key"/>.</summary>
    /// <param name="key">A field name (not a path).</param>
    /// <exception cref="KeyNotFoundException">The object has no such field.</exception>
    public HoconValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"the object has no field named \"{key}\"");

    /// <summary>
    /// True once this object has replaced a non-object value: merging is pairwise, so values it is
    /// later asked to fall back on stay hidden (the spec's "intermediate non-object hides earlier objects").
    /// </summary>
    internal bool IgnoresFallbacks { get; set; }

    internal override bool NeedsResolution
    {
        get
        {
            if (_resolutionState == 0)
            {
                bool unresolved = false;
                for (int i = 0; i < _count; i++)
                {
                    if (_entries[i].Value.NeedsResolution)
                    {
                        unresolved = true;
                        break;
                    }
                }

                _resolutionState = unresolved ? 2 : 1;
            }

            return _resolutionState == 2;
        }
    }

    /// <summary>Tells whether the object has a field named <paramref name="key"/>.</summary>
    /// <param name="key">A field name (not a path).</param>
    /// <returns><see langword="true"/> if the field exists.</returns>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Gets the value of the field named <paramref name="key"/> if it exists.</summary>
    /// <param name="key">A field name (not a path).</param>
    /// <param name="value">The field value, or <see langword="null"/> when missing.</param>
    /// <returns><see langword="true"/> if the field exists.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        return true;
    }

    /// <summary>Enumerates the fields in definition order without allocating.</summary>
    /// <returns>An enumerator over name/value pairs.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, HoconValue>> IEnumerable<KeyValuePair<string, HoconValue>>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal HoconValue? Get(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _entries[i].Value;
    }

    /// <summary>Enumerates the fields of a <see cref="HoconObject"/> in definition order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, HoconValue>>
    {
        private readonly HoconObject _owner;
        private int _position;

        internal Enumerator(HoconObject owner)
        {
            _owner = owner;
            _position = -1;
        }

        /// <summary>The current field.</summary>
        public readonly KeyValuePair<string, HoconValue> Current =>
            new(_owner._entries[_position].Key, _owner._entries[_position].Value);

        readonly object System.Collections.IEnumerator.Current => Current;

        /// <summary>Moves to the next field.</summary>
        /// <returns><see langword="false"/> after the last field.</returns>
        public bool MoveNext() => ++_position < _owner._count;

        /// <summary>Moves back before the first field.</summary>
        public void Reset() => _position = -1;

        /// <summary>Does nothing; the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
