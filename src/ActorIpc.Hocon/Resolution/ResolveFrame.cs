namespace ActorIpc.Hocon.Resolution;

/// <summary>
/// Resolution state of one unresolved object: one <see cref="ResolveSlot"/> per field, created when
/// the field is first needed, so each field is resolved once however it is reached.
/// </summary>
internal sealed class ResolveFrame
{
    // Parallel to the source object's fields; created on first use.
    private ResolveSlot?[]? _slots;

    public ResolveFrame(HoconObject source, ResolveSlot? owner)
    {
        Source = source;
        Owner = owner;
    }

    public HoconObject Source { get; }

    /// <summary>The field holding the object; <see langword="null"/> for the root.</summary>
    public ResolveSlot? Owner { get; }

    /// <summary>The config path of the object, for messages; computed only when needed.</summary>
    public string Path => Owner?.Path ?? string.Empty;

    public ResolveSlot? GetSlot(string key)
    {
        int index = Source.IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        _slots ??= new ResolveSlot?[Source.Count];
        return _slots[index] ??= new ResolveSlot(Source.ValueAt(index), this, key);
    }
}
