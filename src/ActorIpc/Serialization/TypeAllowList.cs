using System.Collections.Concurrent;
using Hyperion;

namespace ActorIpc.Serialization;

/// <summary>
/// Decides which types may be created from the wire: a type is allowed when a pattern (or the
/// built-in rule) allows its name, and, for a constructed generic type, each of its type
/// arguments; an array when its element type is. Decisions are cached by the name as asked. As
/// Hyperion's <see cref="ITypeFilter"/> it is asked for every type name a message carries when
/// it arrives, and for the message's own type when it leaves.
/// </summary>
internal sealed class TypeAllowList : ITypeFilter
{
    // Names come from peers: the cache stops growing at this size, so a peer that sends endless
    // distinct names costs parsing time, not memory. Real applications use a few hundred types.
    private const int MaxCachedDecisions = 4096;

    private readonly TypePattern[] _patterns;
    private readonly Func<TypeName, bool> _alwaysAllowed;
    private readonly ConcurrentDictionary<string, string?> _refusals = new(StringComparer.Ordinal);

    /// <summary>Creates the list.</summary>
    /// <param name="patterns">The configured patterns.</param>
    /// <param name="alwaysAllowed">A rule for names allowed whatever the patterns say; <see langword="null"/>: none.</param>
    public TypeAllowList(IEnumerable<TypePattern> patterns, Func<TypeName, bool>? alwaysAllowed = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = [.. patterns];
        _alwaysAllowed = alwaysAllowed ?? (_ => false);
    }

    /// <summary>The configured patterns.</summary>
    public IReadOnlyList<TypePattern> Patterns => _patterns;

    /// <summary>Whether the type named <paramref name="typeName"/> may be created from the wire.</summary>
    /// <param name="typeName">An assembly-qualified, Hyperion-short or bare type name.</param>
    /// <returns>Whether it is allowed; a name that does not parse is not.</returns>
    public bool IsAllowed(string typeName) => FindRefused(typeName) is null;

    /// <summary>Whether the type named <paramref name="name"/> may be created from the wire.</summary>
    /// <param name="name">The parsed name.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool IsAllowed(TypeName name) => FindRefused(name) is null;

    /// <summary>
    /// The part of the type named <paramref name="typeName"/> that is not allowed: the type itself
    /// (a generic type by its definition), or the first type argument or element type that is
    /// not; <see langword="null"/> when the whole is allowed.
    /// </summary>
    /// <param name="typeName">An assembly-qualified, Hyperion-short or bare type name.</param>
    /// <returns>The refused type's name without assembly (the whole text when it does not parse), or <see langword="null"/>.</returns>
    public string? FindRefused(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (_refusals.TryGetValue(typeName, out var refused))
        {
            return refused;
        }

        refused = TypeName.TryParse(typeName, out var name) ? FindRefused(name) : typeName;
        if (_refusals.Count < MaxCachedDecisions)
        {
            _refusals.TryAdd(typeName, refused);
        }

        return refused;
    }

    /// <summary>The part of <paramref name="name"/> that is not allowed, or <see langword="null"/>.</summary>
    /// <param name="name">The parsed name.</param>
    /// <returns>The refused type's name without assembly, or <see langword="null"/>.</returns>
    public string? FindRefused(TypeName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_alwaysAllowed(name) && !_patterns.Any(pattern => pattern.Matches(name.Name)))
        {
            return name.Name;
        }

        foreach (var argument in name.GenericArguments)
        {
            if (FindRefused(argument) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }
}
