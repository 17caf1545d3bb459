using ActorIpc.Hocon.Conversion;
using ActorIpc.Hocon.Parsing;
using ActorIpc.Hocon.Rendering;
using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon;

/// <summary>
/// An immutable, thread-safe configuration tree with typed getters that take HOCON path expressions
/// (<c>actoripc.actor.ask-timeout</c>, <c>a."b.c".d</c>). Layer configs with <see cref="WithFallback"/>;
/// errors name the path and the file, line and column of the offending value.
/// </summary>
public sealed partial class Config
{
    private readonly string _pathPrefix;
    private readonly bool _useEnvironment;

    internal Config(HoconObject root, bool useEnvironment, string pathPrefix)
    {
        Root = root;
        _useEnvironment = useEnvironment;
        _pathPrefix = pathPrefix;
    }

    /// <summary>An empty, resolved config.</summary>
    public static Config Empty { get; } = new(new HoconObject(default), true, string.Empty);

    /// <summary>True when the root object has no fields.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>True when no substitution remains; getters need a resolved config.</summary>
    public bool IsResolved => !Root.NeedsResolution;

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    internal static Config FromParsed(HoconObject root, ConfigParseOptions options) =>
        new(options.Resolve ? Resolver.Resolve(root, options.UseEnvironment) : root, options.UseEnvironment, string.Empty);

    /// <summary>Tells whether <paramref name="path"/> holds a value other than null (lightbend semantics).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns><see langword="true"/> if a non-null value exists at the path.</returns>
    public bool HasPath(string path) => Find(path, throwOnNonObject: false) is { } value && value.Type != HoconType.Null;

    /// <summary>Gets the value at <paramref name="path"/>, or <see langword="null"/> when the path is missing.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The value (possibly <see cref="HoconNull"/>), or <see langword="null"/>.</returns>
    /// <exception cref="HoconException">A path element other than the last is not an object.</exception>
    public HoconValue? GetValue(string path) => Find(path, throwOnNonObject: true);

    /// <summary>Gets the object at <paramref name="path"/> as a config; <see cref="Empty"/> if missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>A config rooted at the object.</returns>
    /// <exception cref="HoconException">The value is not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = GetValue(path);
        if (value is null or HoconNull)
        {
            return new Config(new HoconObject(default), _useEnvironment, FullPath(path));
        }

        return new Config(ValueConverter.AsObject(value, FullPath(path)), _useEnvironment, FullPath(path));
    }

    /// <summary>The names of the direct fields of the object at <paramref name="path"/>; "" means the root.</summary>
    /// <param name="path">A path expression, or "" for the root.</param>
    /// <returns>The field names in definition order; empty when the path is missing or null.</returns>
    /// <exception cref="HoconException">The value is not an object.</exception>
    public IReadOnlyCollection<string> GetKeys(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return Root.Keys.ToArray();
        }

        var value = GetValue(path);
        return value is null or HoconNull ? [] : ValueConverter.AsObject(value, FullPath(path)).Keys.ToArray();
    }

    /// <summary>
    /// Layers this config over <paramref name="fallback"/>: this config's values win and objects merge
    /// recursively, exactly like duplicate keys in one file. Works on unresolved configs: substitutions
    /// stay until <see cref="Resolve()"/>, so they see the merged result.
    /// </summary>
    /// <param name="fallback">The config supplying defaults.</param>
    /// <returns>The merged config.</returns>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty || ReferenceEquals(fallback, this))
        {
            return this;
        }

        if (IsEmpty && _pathPrefix.Length == 0)
        {
            return fallback;
        }

        var merged = (HoconObject)ValueMerger.Merge(Root, fallback.Root, inPlace: false);
        return new Config(merged, _useEnvironment, _pathPrefix);
    }

    /// <summary>Resolves the substitutions against this config's root; returns this config if already resolved.</summary>
    /// <returns>A resolved config.</returns>
    /// <exception cref="HoconException">A substitution is undefined or part of a cycle.</exception>
    public Config Resolve() => IsResolved ? this : new Config(Resolver.Resolve(Root, _useEnvironment), _useEnvironment, _pathPrefix);

    /// <summary>Renders the config as JSON; durations and sizes stay strings.</summary>
    /// <param name="indented">Whether to indent with two spaces per level.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="HoconException">The config is not resolved.</exception>
    public string ToJson(bool indented = true) => JsonRenderer.Render(Root, indented);

    /// <summary>Renders the config as HOCON that parses back to the same config.</summary>
    /// <returns>The HOCON text, without root braces.</returns>
    public string ToHocon() => HoconRenderer.RenderRoot(Root);

    /// <summary>Renders the config as HOCON (see <see cref="ToHocon"/>).</summary>
    /// <returns>The HOCON text.</returns>
    public override string ToString() => ToHocon();

    private string FullPath(string path) => _pathPrefix.Length == 0 ? path : _pathPrefix + "." + path;

    private HoconValue? Find(string path, bool throwOnNonObject)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] keys = PathExpression.Parse(path);
        HoconValue current = Root;
        for (int i = 0; i < keys.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                if (!throwOnNonObject)
                {
                    return null;
                }

                string parent = FullPath(PathExpression.Render(keys[..i]));
                throw ValueConverter.WrongType(current, "an object", parent, $" (while looking up {FullPath(path)})");
            }

            if (!obj.TryGetValue(keys[i], out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>
    /// An error for a value the getters accept but its user does not (out of range, an unknown
    /// name): the message names the full path and where the value was written, like the
    /// getters' own errors, e.g. <c>expected a power of two at a.b (app.conf:3:9), got 100</c>.
    /// </summary>
    /// <param name="path">The path of the offending value.</param>
    /// <param name="reason">What is wrong with it.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public HoconException InvalidValue(string path, string reason)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reason);
        string full = FullPath(path);
        HoconValue? value = GetValue(path);
        string message = value is { Line: > 0 }
            ? $"{reason} at {full} ({value.Origin}:{value.Line}:{value.Column})"
            : $"{reason} at {full}";
        return new HoconException(message, reason, value?.Origin, value?.Line ?? 0, value?.Column ?? 0, full);
    }

    private HoconValue Require(string path) =>
        GetValue(path) ?? throw new HoconException($"missing path {FullPath(path)}", $"missing path {FullPath(path)}", null, 0, 0, FullPath(path));

    private HoconValue? Optional(string path) => GetValue(path) is { } value && value.Type != HoconType.Null ? value : null;
}
