namespace ActorIpc.Hocon;

/// <summary>A HOCON array: an ordered, read-only list of values.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly List<HoconValue> _items;
    private int _resolutionState;

    internal HoconArray(in Position position, List<HoconValue> items)
        : base(position)
    {
        _items = items;
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.Array;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>Gets the element at <paramref name="index"/>.</summary>
    /// <param name="index">A 0-based index.</param>
    public HoconValue this[int index] => _items[index];

    internal override bool NeedsResolution
    {
        get
        {
            if (_resolutionState == 0)
            {
                bool unresolved = false;
                foreach (var item in _items)
                {
                    if (item.NeedsResolution)
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

    internal List<HoconValue> Items => _items;

    /// <summary>Enumerates the elements in order.</summary>
    /// <returns>An enumerator over the elements.</returns>
    public IEnumerator<HoconValue> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
