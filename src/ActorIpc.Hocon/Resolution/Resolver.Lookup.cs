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
