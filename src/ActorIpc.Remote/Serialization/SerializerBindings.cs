using System.Collections.Concurrent;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Finds the serializer for a message type. The most specific binding wins:
/// <list type="number">
/// <item>the type itself (or, for a constructed generic class, its generic definition), then each base class up the
/// chain, nearest first — a class binding beats an interface binding;</item>
/// <item>then the bound interfaces the type implements: the most derived one; two unrelated interfaces bound to different
/// serializers are ambiguous and fail (bind the type itself);</item>
/// <item>then a binding of <see cref="object"/>, the catch-all, which is only consulted last.</item>
/// </list>
/// Results are cached per type, so the hot path is one dictionary lookup.
/// </summary>
internal sealed class SerializerBindings
{
    private const string BindingsPath = "actoripc.actor.serialization-bindings";

    private readonly Dictionary<Type, Serializer> _classes = [];
    private readonly List<(Type Interface, Serializer Serializer)> _interfaces = [];
    private readonly Func<Serializer, string> _nameOf;
    private readonly ConcurrentDictionary<Type, Serializer> _cache = new();
    private readonly Serializer? _catchAll;

    /// <param name="bindings">Type to serializer; later entries replace earlier ones for the same type.</param>
    /// <param name="nameOf">Gives a serializer's configured name, for messages.</param>
    public SerializerBindings(IEnumerable<KeyValuePair<Type, Serializer>> bindings, Func<Serializer, string> nameOf)
    {
        _nameOf = nameOf;
        var all = new Dictionary<Type, Serializer>();
        foreach (var (type, serializer) in bindings)
        {
            all[type] = serializer;
        }

        foreach (var (type, serializer) in all)
        {
            if (type == typeof(object))
            {
                _catchAll = serializer;
            }
            else if (type.IsInterface)
            {
                _interfaces.Add((type, serializer));
            }
            else
            {
                _classes[type] = serializer;
            }
        }
    }

    public Serializer Find(Type type) =>
        _cache.TryGetValue(type, out var serializer) ? serializer : _cache.GetOrAdd(type, Resolve(type));

    private Serializer Resolve(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (_classes.TryGetValue(current, out var serializer)
                || (current.IsConstructedGenericType && _classes.TryGetValue(current.GetGenericTypeDefinition(), out serializer)))
            {
                return serializer;
            }
        }

        var candidates = _interfaces.Where(b => b.Interface.IsAssignableFrom(type)).ToList();

        // Keep only the most derived interfaces: drop any that another candidate extends.
        var mostSpecific = candidates
            .Where(c => !candidates.Any(o => o.Interface != c.Interface && c.Interface.IsAssignableFrom(o.Interface)))
            .ToList();
        if (mostSpecific.Select(c => c.Serializer).Distinct().Count() > 1)
        {
            var choices = string.Join(" and ", mostSpecific.Select(c => $"{c.Interface.FullName} ({_nameOf(c.Serializer)})"));
            throw new SerializationException(
                $"cannot choose a serializer for {TypeManifest.Of(type)}: it implements {choices}, bound to different serializers; bind the type itself in {BindingsPath}",
                null, null, null);
        }

        if (mostSpecific.Count > 0)
        {
            return mostSpecific[0].Serializer;
        }

        return _catchAll ?? throw new SerializationException(
            $"no serializer is bound to {TypeManifest.Of(type)}: bind it, a base class or an interface it implements in {BindingsPath}, e.g. \"{TypeManifest.Of(type)}\" = json",
            null, null, null);
    }
}
