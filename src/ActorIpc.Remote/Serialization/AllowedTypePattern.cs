namespace ActorIpc.Remote.Serialization;

/// <summary>
/// One entry of <c>actoripc.actor.serialization-allowed-types</c>: a full type name
/// (<c>MyApp.Messages.Order</c>) or a prefix ending in a dot or plus (<c>MyApp.Messages.*</c>, which also covers
/// nested namespaces; <c>MyApp.Outer+*</c>: the types nested in Outer), optionally pinned to an assembly (<c>MyApp.Messages.*, MyApp</c>).
/// </summary>
internal sealed record AllowedTypePattern(string Name, bool IsPrefix, string? Assembly)
{
    /// <summary>Parses an entry; returns an error text for an entry that is empty or too broad.</summary>
    public static AllowedTypePattern? Parse(string entry, out string? error)
    {
        error = null;
        var comma = entry.IndexOf(',', StringComparison.Ordinal);
        var name = (comma < 0 ? entry : entry[..comma]).Trim();
        var assembly = comma < 0 ? null : entry[(comma + 1)..].Trim();
        if (name.Length == 0 || assembly is { Length: 0 })
        {
            error = $"the entry \"{entry}\" is not a type name or a namespace prefix such as \"MyApp.Messages.*\"";
            return null;
        }

        var isPrefix = name.EndsWith('*');
        if (isPrefix)
        {
            name = name[..^1];
            if (name.Length == 0 || !(name.EndsWith('.') || name.EndsWith('+')) || name is "System." or "Microsoft.")
            {
                error = $"the entry \"{entry}\" is too broad or malformed: allow a namespace such as \"MyApp.Messages.*\", never \"*\", \"System.*\" or \"Microsoft.*\"";
                return null;
            }
        }

        return new AllowedTypePattern(name, isPrefix, assembly);
    }

    /// <summary>True when the type named <paramref name="fullName"/> in <paramref name="assembly"/> matches.</summary>
    public bool Matches(string fullName, string? assembly) =>
        (Assembly is null || string.Equals(Assembly, assembly, StringComparison.Ordinal))
        && (IsPrefix ? fullName.StartsWith(Name, StringComparison.Ordinal) : string.Equals(fullName, Name, StringComparison.Ordinal));
}
