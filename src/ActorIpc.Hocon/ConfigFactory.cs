using System.Reflection;
using ActorIpc.Hocon.Parsing;

namespace ActorIpc.Hocon;

/// <summary>Creates <see cref="Config"/> instances from HOCON (or JSON) text, files and embedded resources.</summary>
public static class ConfigFactory
{
    /// <summary>An empty, resolved config.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>
    /// Parses HOCON text. Relative includes are looked up in the current directory. The result is
    /// resolved unless <see cref="ConfigParseOptions.Resolve"/> is <see langword="false"/>.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="options">Parse options; <see cref="ConfigParseOptions.Default"/> if <see langword="null"/>.</param>
    /// <returns>The parsed config.</returns>
    /// <exception cref="HoconException">The document is invalid or a substitution cannot be resolved.</exception>
    public static Config ParseString(string text, ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ConfigParseOptions.Default;
        string origin = options.OriginName ?? "string";
        var source = new DocumentSource(origin, "string:" + origin, null, null);
        var root = new ParseSession(options).Parse(text, source, [], null);
        return Config.FromParsed(root, options);
    }

    /// <summary>
    /// Parses a HOCON, JSON or Java properties file, chosen by its extension as the spec says: a
    /// <c>.json</c> file is strict JSON, a <c>.properties</c> file maps dotted keys to string values,
    /// anything else is HOCON. Messages name the file as <paramref name="path"/> was given;
    /// relative includes are looked up next to the file.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Parse options; <see cref="ConfigParseOptions.Default"/> if <see langword="null"/>.</param>
    /// <returns>The parsed config.</returns>
    /// <exception cref="HoconException">The file cannot be read, is invalid, or a substitution cannot be resolved.</exception>
    public static Config ParseFile(string path, ConfigParseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ConfigParseOptions.Default;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException
                ? "config file not found"
                : "cannot read config file: " + e.Message;
            throw new HoconException($"{path}: {reason}", reason, path, 0, 0, null, e);
        }

        string full = Path.GetFullPath(path);
        var source = new DocumentSource(options.OriginName ?? path, full, Path.GetDirectoryName(full), null);
        var root = new ParseSession(options).Parse(text, source, [], null, ParseSession.SyntaxOf(path));
        return Config.FromParsed(root, options);
    }

    /// <summary>
    /// Parses an embedded resource of <paramref name="assembly"/>. The name may be the full manifest
    /// name, a path with '/' separators, or a suffix of the manifest name. Includes in it are looked up
    /// among the same assembly's resources.
    /// </summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="resourceName">The resource name.</param>
    /// <param name="options">Parse options; <see cref="ConfigParseOptions.Default"/> if <see langword="null"/>.</param>
    /// <returns>The parsed config.</returns>
    /// <exception cref="HoconException">The resource is missing or invalid, or a substitution cannot be resolved.</exception>
    public static Config ParseResource(Assembly assembly, string resourceName, ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        options ??= ConfigParseOptions.Default;
        string resource = ParseSession.FindResource(assembly, resourceName)
            ?? throw new HoconException($"embedded resource {resourceName} not found in assembly {assembly.GetName().Name}");
        var root = new ParseSession(options).ParseResource(assembly, resource, options.OriginName ?? resourceName, [], null);
        return Config.FromParsed(root, options);
    }
}
