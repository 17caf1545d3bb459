namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// Interns keys for one parse: a document repeats the same few keys thousands of times, so each
/// distinct key is allocated once, with a shared one-element path for single-key fields. The
/// arrays handed out are never modified by anyone.
/// </summary>
/// <remarks>
/// Single keys and dotted paths live in separate tables although both are looked up by text: the
/// quoted key <c>"a.b.c"</c> and the unquoted path <c>a.b.c</c> are spelled alike but are a
/// one-element path and a three-element path, and sharing one table made whichever came first
/// stand for both.
/// </remarks>
internal sealed class KeyTable
{
    private readonly Dictionary<string, string[]> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _singleLookup;
    private readonly Dictionary<string, string[]> _dotted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _dottedLookup;

    public KeyTable()
    {
        _singleLookup = _single.GetAlternateLookup<ReadOnlySpan<char>>();
        _dottedLookup = _dotted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The one-element path holding <paramref name="key"/>.</summary>
    public string[] SinglePath(ReadOnlySpan<char> key)
    {
        if (!_singleLookup.TryGetValue(key, out var path))
        {
            string text = key.ToString();
            path = [text];
            _single.Add(text, path);
        }

        return path;
    }

    public string Intern(ReadOnlySpan<char> key) => SinglePath(key)[0];

    /// <summary>The path written as the unquoted text <paramref name="raw"/> (for example <c>a.b.c</c>), split into <paramref name="segments"/>.</summary>
    public string[] DottedPath(ReadOnlySpan<char> raw, List<string> segments)
    {
        if (!_dottedLookup.TryGetValue(raw, out var path))
        {
            path = segments.ToArray();
            _dotted.Add(raw.ToString(), path);
        }

        return path;
    }
}
