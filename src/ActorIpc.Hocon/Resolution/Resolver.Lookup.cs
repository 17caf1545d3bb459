using System.Text;

namespace ActorIpc.Hocon.Resolution;

/// <summary>Substitution lookup, environment fallback and error reporting.</summary>
internal sealed partial class Resolver
{
    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, ResolveSlot? owner)
    {
        _active.Add((substitution, owner));
        try
        {
            HoconValue? value;
            if (substitution.IncludePrefix.Length > 0)
            {
                // The spec's include fixup: relative to where the file was included first,
                // then relative to the root of the whole configuration.
                value = Lookup([.. substitution.IncludePrefix, .. substitution.Path]);
                if (value is not null)
                {
                    return value;
                }
            }

            _selfReferenceHit = null;
            value = Lookup(substitution.Path);
            if (value is not null)
            {
                return value;
            }

            var hit = _selfReferenceHit;
            _selfReferenceHit = null;
            if (hit is not null && hit != owner)
            {
                if (substitution.IsOptional)
                {
                    // Undefined from here, inside the cycle; not necessarily once hit is resolved.
                    _cycleCuts.Add(hit);
                    return null;
                }

                throw CycleError(hit);
            }

            if (_useEnvironment)
            {
                string? variable = Environment.GetEnvironmentVariable(string.Join('.', substitution.Path));
                if (!string.IsNullOrEmpty(variable))
                {
                    return new HoconString(substitution.Position, variable);
                }
            }

            if (substitution.IsOptional)
            {
                return null;
            }

            string why = hit is not null
                ? " (it refers to the field being defined, which has no earlier value)"
                : string.Empty;
            string path = owner?.Path ?? string.Empty;
            throw HoconException.At(substitution.Position, $"unresolved substitution {substitution.Text} at {path}{why}", path);
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Finds the fully resolved value at an absolute path; <see langword="null"/> when undefined.</summary>
    private HoconValue? Lookup(string[] path)
    {
        HoconValue current = _root;
        ResolveSlot? currentSlot = null;
        for (int i = 0; i < path.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                return null;
            }

            string key = path[i];
            bool last = i == path.Length - 1;
            if (!obj.NeedsResolution)
            {
                if (!obj.TryGetValue(key, out var child))
                {
                    return null;
                }

                if (last)
                {
                    return child;
                }

                current = child;
                continue;
            }

            var slot = GetFrame(obj, currentSlot).GetSlot(key);
            if (slot is null)
            {
                return null;
            }

            if (!last && slot.ShallowState == SlotState.None && FindAboveUnresolved(slot, path, i + 1) is { } known)
            {
                return Full(known);
            }

            var value = last ? Full(slot) : Shallow(slot);
            if (value is null)
            {
                return null;
            }

            current = value;
            currentSlot = slot;
        }

        return current;
    }

    /// <summary>
    /// Finds the field at <c>path[start..]</c> inside a field defined by several merged values
    /// (<c>item1 = ${defaults}</c> then <c>item1.b = 7</c>) without resolving the whole field, the
    /// way the reference implementation resolves only the part of a merge that a lookup needs.
    /// Values are taken newest first: an object without the key lets the next one speak, a plain
    /// value at the key hides everything older, and a substitution of an object that needs no
    /// resolution to be found (<c>${defaults}</c>) counts as that object. So
    /// <c>defaults { a = ${item1.b} }</c> finds 7 without resolving <c>${defaults}</c> as a whole,
    /// which would need <c>defaults.a</c> itself. Returns <see langword="null"/> when the answer
    /// depends on a value that needs resolving; the caller then resolves the whole field as before,
    /// which reports a real cycle as one.
    /// </summary>
    private ResolveSlot? FindAboveUnresolved(ResolveSlot slot, string[] path, int start)
    {
        if (slot.Source is not HoconMergeStack stack)
        {
            return null;
        }

        // Layer 0 is the newest, the one that wins.
        var candidates = new List<(HoconValue Value, ResolveSlot Owner)>(stack.Layers.Count);
        foreach (var layer in stack.Layers)
        {
            candidates.Add((layer, slot));
        }

        for (int index = start; ; index++)
        {
            string key = path[index];
            bool last = index == path.Length - 1;

            // The values the candidates hold at key, newest first; a value that needs resolving
            // or hides objects closes the list, standing for everything older.
            List<(HoconValue Value, ResolveSlot Owner)>? next = null;
            foreach (var (value, valueOwner) in candidates)
            {
                var candidate = value;
                var owner = valueOwner;
                if (candidate is HoconSubstitution substitution && PlainObjectAt(substitution) is { } target)
                {
                    (candidate, owner) = target;
                }

                if (candidate is not HoconObject obj)
                {
                    if (next is null)
                    {
                        return null;
                    }

                    next.Add((candidate, owner));
                    break;
                }

                if (!obj.TryGetValue(key, out var field))
                {
                    if (obj.IgnoresFallbacks)
                    {
                        break;
                    }

                    continue;
                }

                var fieldSlot = GetFrame(obj, owner).GetSlot(key)!;
                if (next is null && !field.IsUnresolvedNode && field is not HoconObject)
                {
                    // The newest value at key is plain: it is the answer if the path ends here.
                    return last ? fieldSlot : null;
                }

                (next ??= []).Add((field, fieldSlot));
                if (field is not HoconObject child || child.IgnoresFallbacks)
                {
                    break;
                }
            }

            if (next is null || last)
            {
                return null;
            }

            candidates = next;
        }
    }

    /// <summary>
    /// The object a substitution refers to, with the field holding it, when finding it resolves
    /// nothing: every field along the path is written as an object. Its own fields may still need
    /// resolving; they are resolved through the same slots as when the field itself is.
    /// </summary>
    private (HoconObject Object, ResolveSlot Owner)? PlainObjectAt(HoconSubstitution substitution)
    {
        if (substitution.IncludePrefix.Length > 0)
        {
            // Looked up at two places; not worth a shortcut.
            return null;
        }

        HoconObject current = _root;
        ResolveSlot? currentSlot = null;
        foreach (string key in substitution.Path)
        {
            var slot = GetFrame(current, currentSlot).GetSlot(key);
            if (slot?.Source is not HoconObject child)
            {
                return null;
            }

            current = child;
            currentSlot = slot;
        }

        return (current, currentSlot!);
    }

    private HoconException CycleError(ResolveSlot slot)
    {
        int start = _active.FindIndex(a => a.Slot == slot);
        var chain = new StringBuilder();
        chain.Append(slot.Path);
        for (int i = Math.Max(start, 0); i < _active.Count; i++)
        {
            var (substitution, owner) = _active[i];
            if (i > start && owner is not null)
            {
                chain.Append(" -> ").Append(owner.Path);
            }

            chain.Append(" -> ").Append(substitution.Text);
        }

        chain.Append(" -> ").Append(slot.Path);
        var at = _active.Count > 0 ? _active[^1].Substitution.Position : slot.Source.Position;
        return HoconException.At(at, $"substitution cycle: {chain}", slot.Path);
    }
}
