using System.Reflection;
using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// State shared by a document and everything it includes: the options and the chain of documents
/// being parsed, which detects include cycles.
/// </summary>
internal sealed class ParseSession
{
    // The extensions a name without one is tried with, in the order the spec and the reference
    // implementation give them priority: .conf over .json over .properties.
    private static readonly IReadOnlyList<string> Extensions = [".conf", ".json", ".properties"];
    private readonly List<DocumentSource> _chain = new();

    public ParseSession(ConfigParseOptions options)
    {
        Options = options;
    }

    public ConfigParseOptions Options { get; }

    public KeyTable Keys { get; } = new();

    /// <summary>The syntax a file or resource is read in, from the extension of its name.</summary>
    public static DocumentSyntax SyntaxOf(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? DocumentSyntax.Json
        : name.EndsWith(".properties", StringComparison.Ordinal) ? DocumentSyntax.Properties
        : DocumentSyntax.Hocon;

    public HoconObject Parse(string text, DocumentSource source, string[] prefix, Position? includedAt, DocumentSyntax syntax = DocumentSyntax.Hocon)
    {
        if (syntax == DocumentSyntax.Properties)
        {
            // Plain strings: nothing to include, nothing to resolve, no cycle to look for.
            return PropertiesParser.Parse(text, source.Origin, Keys);
        }

        foreach (var open in _chain)
        {
            if (open.Id == source.Id)
            {
                var names = _chain.SkipWhile(s => s.Id != source.Id).Select(s => s.Origin).Append(source.Origin);
                string reason = "include cycle: " + string.Join(" -> ", names);
                throw includedAt is { } at ? HoconException.At(at, reason) : new HoconException(reason);
            }
        }

        _chain.Add(source);
        try
        {
            return new Parser(text, source, this, prefix, json: syntax == DocumentSyntax.Json).ParseDocument();
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>Loads the target of an include; <see langword="null"/> when it is missing and not required.</summary>
    public HoconObject? Include(IncludeSpec spec, DocumentSource from, string[] prefix, Position at)
    {
        var kind = spec.Kind;
        if (kind == IncludeKind.Heuristic)
        {
            kind = LooksLikeUrl(spec.Name) ? IncludeKind.Url
                : from.ResourceAssembly is not null ? IncludeKind.Classpath
                : IncludeKind.File;
        }

        return kind switch
        {
            IncludeKind.Url => IncludeUrl(spec, prefix, at),
            IncludeKind.Classpath => IncludeResource(spec, from, prefix, at),
            _ => IncludeFile(spec, ResolveFilePath(spec.Name, from), spec.Name, probe: true, prefix, at),
        };
    }

    private static bool LooksLikeUrl(string name)
    {
        int colon = name.IndexOf("://", StringComparison.Ordinal);
        if (name.StartsWith("file:", StringComparison.Ordinal))
        {
            return true;
        }

        if (colon <= 0)
        {
            return false;
        }

        for (int i = 0; i < colon; i++)
        {
            char c = name[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || (i == 0 && !char.IsAsciiLetter(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static string ResolveFilePath(string name, DocumentSource from) =>
        Path.IsPathRooted(name) ? name : Path.Combine(from.Directory ?? Directory.GetCurrentDirectory(), name);

    private static bool HasKnownExtension(string name) =>
        name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal) ||
        name.EndsWith(".properties", StringComparison.Ordinal);

    private HoconObject? IncludeUrl(IncludeSpec spec, string[] prefix, Position at)
    {
        if (!Uri.TryCreate(spec.Name, UriKind.Absolute, out var uri))
        {
            throw HoconException.At(at, $"include {spec}: not a valid URL");
        }

        if (!uri.IsFile)
        {
            throw HoconException.At(at, $"include {spec}: only file: URLs are supported, not {uri.Scheme}: (download the file and include it by path)");
        }

        return IncludeFile(spec, uri.LocalPath, spec.Name, probe: false, prefix, at);
    }

    private HoconObject? IncludeFile(IncludeSpec spec, string fullPath, string origin, bool probe, string[] prefix, Position at)
    {
        if (!probe || HasKnownExtension(fullPath))
        {
            if (File.Exists(fullPath))
            {
                return ParseFile(fullPath, origin, prefix, at);
            }
        }
        else
        {
            // Every one that exists is loaded; each falls back on those after it.
            HoconObject? merged = null;
            foreach (string extension in Extensions)
            {
                string candidate = fullPath + extension;
                if (File.Exists(candidate))
                {
                    var parsed = ParseFile(candidate, origin + extension, prefix, at);
                    merged = merged is null ? parsed : (HoconObject)ValueMerger.Merge(merged, parsed, inPlace: true);
                }
            }

            if (merged is not null)
            {
                return merged;
            }
        }

        if (spec.Required)
        {
            string looked = probe && !HasKnownExtension(fullPath)
                ? string.Join(", ", Extensions.Select(e => fullPath + e))
                : fullPath;
            throw HoconException.At(at, $"could not find required include {spec} (looked for {looked})");
        }

        return null;
    }

    private HoconObject ParseFile(string fullPath, string origin, string[] prefix, Position at)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException e)
        {
            throw HoconException.At(at, $"cannot read included file {origin}: {e.Message}", inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw HoconException.At(at, $"cannot read included file {origin}: {e.Message}", inner: e);
        }

        string full = Path.GetFullPath(fullPath);
        var source = new DocumentSource(origin, full, Path.GetDirectoryName(full), null);
        return Parse(text, source, prefix, at, SyntaxOf(fullPath));
    }

    private HoconObject? IncludeResource(IncludeSpec spec, DocumentSource from, string[] prefix, Position at)
    {
        var assembly = Options.ResourceAssembly ?? from.ResourceAssembly;
        if (assembly is null)
        {
            throw HoconException.At(at, $"include {spec}: no assembly to look up resources in; set ConfigParseOptions.ResourceAssembly");
        }

        string[] candidates = HasKnownExtension(spec.Name) ? [spec.Name] : Extensions.Select(e => spec.Name + e).ToArray();
        HoconObject? merged = null;
        foreach (string candidate in candidates)
        {
            string? resource = FindResource(assembly, candidate);
            if (resource is null)
            {
                continue;
            }

            var parsed = ParseResource(assembly, resource, candidate, prefix, at);
            merged = merged is null ? parsed : (HoconObject)ValueMerger.Merge(merged, parsed, inPlace: true);
        }

        if (merged is null && spec.Required)
        {
            throw HoconException.At(at, $"could not find required include {spec} among the embedded resources of {assembly.GetName().Name}");
        }

        return merged;
    }

    /// <summary>Finds an embedded resource by exact name, by name with '/' as '.', or by dotted suffix.</summary>
    public static string? FindResource(Assembly assembly, string name)
    {
        string dotted = name.TrimStart('/').Replace('/', '.');
        string? suffixMatch = null;
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (resource == name || resource == dotted)
            {
                return resource;
            }

            if (suffixMatch is null && resource.EndsWith("." + dotted, StringComparison.Ordinal))
            {
                suffixMatch = resource;
            }
        }

        return suffixMatch;
    }

    public HoconObject ParseResource(Assembly assembly, string resource, string origin, string[] prefix, Position? at)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new HoconException($"embedded resource {resource} not found in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        var source = new DocumentSource(origin, "resource:" + assembly.GetName().Name + "/" + resource, null, assembly);
        return Parse(text, source, prefix, at, SyntaxOf(resource));
    }
}
