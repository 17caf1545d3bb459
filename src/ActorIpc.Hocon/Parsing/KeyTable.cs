namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// Interns keys for one parse: a document repeats the same few keys thousands of times, so each
/// distinct key is allocated once, with a shared one-element path for single-key fields. The
/// arrays handed out are never modified by anyone.
/// </summary>
internal sealed class KeyTable
{
    private readonly Dictionary<string, string[]> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeyTable()
    {
        _lookup = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The one-element path holding <paramref name="key"/>.</summary>
    public string[] SinglePath(ReadOnlySpan<char> key)
    {
        if (!_lookup.TryGetValue(key, out var path))
        {
            string text = key.ToString();
            path = [text];
            _paths.Add(text, path);
        }

        return path;
    }

    public string Intern(ReadOnlySpan<char> key) => SinglePath(key)[0];

    /// <summary>The path written as the unquoted text <paramref name="raw"/> (for example <c>a.b.c</c>), split into <paramref name="segments"/>.</summary>
    public string[] DottedPath(ReadOnlySpan<char> raw, List<string> segments)
    {
        if (!_lookup.TryGetValue(raw, out var path))
        {
            path = segments.ToArray();
            _paths.Add(raw.ToString(), path);
        }

        return path;
    }
}
