namespace ActorIpc.Hocon.Resolution;

/// <summary>
/// The spec's duplicate-key rule, used for repeated fields, object concatenation, includes and
/// <see cref="Config.WithFallback"/>: a later object merges into an earlier object; any other later
/// value wins; anything involving an unresolved value becomes a <see cref="HoconMergeStack"/>.
/// </summary>
internal static class ValueMerger
{
    /// <summary>
    /// Merges <paramref name="newer"/> over <paramref name="older"/>. With <paramref name="inPlace"/>
    /// the older object is updated instead of copied: only the parser may ask for that, because it
    /// alone owns the objects it is building.
    /// </summary>
    public static HoconValue Merge(HoconValue newer, HoconValue? older, bool inPlace)
    {
        if (older is null)
        {
            return newer;
        }

        if (newer is HoconObject newerObject)
        {
            if (newerObject.IgnoresFallbacks)
            {
                return newer;
            }

            switch (older)
            {
                case HoconObject olderObject:
                    return inPlace ? MergeInto(olderObject, newerObject) : MergeObjects(newerObject, olderObject);
                case HoconMergeStack stack:
                    return Stack(newer, stack);
                default:
                    return older.IsUnresolvedNode ? Stack(newer, older) : HidingFallbacks(newerObject, inPlace);
            }
        }

        if (newer.IsUnresolvedNode)
        {
            // The newer value may turn out to be an object (merging with older) or may refer to
            // the field itself (looking back at older), so both are kept until resolution.
            return Stack(newer, older);
        }

        return newer;
    }

    /// <summary>The object that replaced a non-object, marked so later fallbacks stay hidden.</summary>
    private static HoconObject HidingFallbacks(HoconObject obj, bool inPlace)
    {
        if (!inPlace)
        {
            var copy = new HoconObject(obj.Position, obj.Count);
            foreach (var pair in obj)
            {
                copy.Add(pair.Key, pair.Value);
            }

            obj = copy;
        }

        obj.IgnoresFallbacks = true;
        return obj;
    }

    private static HoconValue Stack(HoconValue newer, HoconValue older)
    {
        // A stack ending in a plain non-object value already hides anything older.
        if (newer is HoconMergeStack { Layers: [.., var bottom] } && !bottom.IsUnresolvedNode && bottom is not HoconObject)
        {
            return newer;
        }

        var layers = new List<HoconValue>();
        if (newer is HoconMergeStack newerStack)
        {
            layers.AddRange(newerStack.Layers);
        }
        else
        {
            layers.Add(newer);
        }

        if (older is HoconMergeStack olderStack)
        {
            layers.AddRange(olderStack.Layers);
        }
        else
        {
            layers.Add(older);
        }

        return new HoconMergeStack(newer.Position, layers);
    }

    private static HoconObject MergeInto(HoconObject older, HoconObject newer)
    {
        foreach (var pair in newer)
        {
            older.Set(pair.Key, Merge(pair.Value, older.Get(pair.Key), inPlace: true));
        }

        return older;
    }

    /// <summary>Merges two objects into a new one; neither input changes.</summary>
    public static HoconObject MergeObjects(HoconObject newer, HoconObject older)
    {
        if (newer.IgnoresFallbacks || (older.Count == 0 && !older.IgnoresFallbacks))
        {
            return newer;
        }

        if (newer.Count == 0)
        {
            return older;
        }

        var fields = new HoconObject(newer.Position, older.Count + newer.Count) { IgnoresFallbacks = older.IgnoresFallbacks };
        foreach (var pair in older)
        {
            fields.Add(pair.Key, pair.Value);
        }

        foreach (var pair in newer)
        {
            fields.Set(pair.Key, fields.TryGetValue(pair.Key, out var previous)
                ? Merge(pair.Value, previous, inPlace: false)
                : pair.Value);
        }

        return fields;
    }
}
