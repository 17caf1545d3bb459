using System.Collections.Concurrent;
using System.Reflection.Metadata;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Turns manifests from the wire into types, refusing any that <see cref="TypePolicy"/> does not
/// allow before anything is loaded. Allowed manifests are cached (up to a bound, since a peer
/// chooses the manifest text); refusals never are.
/// </summary>
internal sealed class ManifestResolver
{
    /// <summary>Longer manifests are refused unparsed.</summary>
    public const int MaxManifestLength = 1024;

    private const int MaxCachedManifests = 4096;

    private readonly TypePolicy _policy;
    private readonly TypeNameParseOptions _parseOptions = new() { MaxNodes = 32 };
    private readonly ConcurrentDictionary<string, Type> _cache = new(Utf8ManifestComparer.Instance);
    private readonly ConcurrentDictionary<string, Type>.AlternateLookup<ReadOnlySpan<byte>> _utf8Cache;

    public ManifestResolver(TypePolicy policy)
    {
        _policy = policy;
        _utf8Cache = _cache.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public bool TryGetCached(ReadOnlySpan<byte> utf8Manifest, out Type? type) => _utf8Cache.TryGetValue(utf8Manifest, out type);

    /// <summary>Resolves a message manifest or says why it is refused.</summary>
    public Type? Resolve(string manifest, out TypeRefusal refusal)
    {
        if (_cache.TryGetValue(manifest, out var cached))
        {
            refusal = default;
            return cached;
        }

        var type = ResolveUncached(manifest, exception: false, out refusal);
        if (type is not null && _cache.Count < MaxCachedManifests)
        {
            _cache.TryAdd(manifest, type);
        }

        return type;
    }

    /// <summary>Resolves an exception's type name, or returns null when it may not be rebuilt here.</summary>
    public Type? ResolveException(string typeName) =>
        ResolveUncached(typeName, exception: true, out _) is { } type && typeof(Exception).IsAssignableFrom(type) ? type : null;

    private Type? ResolveUncached(string manifest, bool exception, out TypeRefusal refusal)
    {
        if (manifest.Length > MaxManifestLength)
        {
            refusal = new TypeRefusal("the manifest", $"is longer than {MaxManifestLength} characters");
            return null;
        }

        if (!TypeName.TryParse(manifest, out var name, _parseOptions))
        {
            refusal = new TypeRefusal("the manifest", "is not a type name (or nests too deeply)");
            return null;
        }

        return _policy.Resolve(name, exception, out refusal);
    }
}
