namespace ActorIpc.Hocon;

/// <summary>
/// Field storage. Most config objects have a handful of fields, so they live in one array searched
/// linearly (keys from one parse are interned, so a reference check usually decides); a hash index
/// is added only past <see cref="IndexThreshold"/> fields. Far fewer objects than a dictionary per
/// object, which keeps the garbage collector's work small on large documents.
/// </summary>
public sealed partial class HoconObject
{
    private const int IndexThreshold = 16;
    private Entry[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    /// <summary>Replaces the value of an existing field in place (keeping its position) or appends it. Only while building.</summary>
    internal void Set(string key, HoconValue value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i].Value = value;
            return;
        }

        Add(key, value);
    }

    /// <summary>Appends a field the caller knows is new. Only while building.</summary>
    internal void Add(string key, HoconValue value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
        }

        _entries[_count] = new Entry(key, value);
        _count++;
        if (_index is not null)
        {
            _index.Add(key, _count - 1);
        }
        else if (_count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (int j = 0; j < _count; j++)
            {
                _index.Add(_entries[j].Key, j);
            }
        }
    }

    /// <summary>The position of the field named <paramref name="key"/>, or -1.</summary>
    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        var entries = _entries;
        for (int i = 0; i < _count; i++)
        {
            string candidate = entries[i].Key;
            if (ReferenceEquals(candidate, key) || string.Equals(candidate, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal HoconValue ValueAt(int index) => _entries[index].Value;

    private struct Entry
    {
        public Entry(string key, HoconValue value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public HoconValue Value { get; set; }
    }
}
