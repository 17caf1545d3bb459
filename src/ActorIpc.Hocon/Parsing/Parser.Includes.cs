using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Include statements.</summary>
internal sealed partial class Parser
{
    /// <summary>True at an unquoted <c>include</c> standing alone at the start of a key.</summary>
    private bool AtIncludeKeyword()
    {
        const string Keyword = "include";
        if (!_text.AsSpan(_pos).StartsWith(Keyword, StringComparison.Ordinal))
        {
            return false;
        }

        int after = _pos + Keyword.Length;
        return after >= _text.Length || CharClass.IsForbidden(_text[after]) || _text[after] == '/';
    }

    private void ParseInclude(HoconObject target, PathNode? path, in Position position)
    {
        _pos += "include".Length;
        SkipWhitespaceAndComments();
        var spec = ParseIncludeSpec(allowRequired: true);
        var included = _session.Include(spec, _source, PathNode.ToArray(path), position);
        if (included is null)
        {
            return;
        }

        // The included keys take the place of the statement: they merge over earlier fields,
        // and later fields merge over them, exactly like duplicate keys.
        foreach (var pair in included)
        {
            target.Set(pair.Key, ValueMerger.Merge(pair.Value, target.Get(pair.Key), inPlace: true));
        }
    }

    private IncludeSpec ParseIncludeSpec(bool allowRequired)
    {
        if (!AtEnd && Current == '"')
        {
            return new IncludeSpec(IncludeKind.Heuristic, ParseQuotedText(), false);
        }

        int start = _pos;
        while (!AtEnd && char.IsAsciiLetterLower(Current))
        {
            _pos++;
        }

        string word = _text[start.._pos];
        IncludeKind? kind = word switch
        {
            "file" => IncludeKind.File,
            "url" => IncludeKind.Url,
            "classpath" => IncludeKind.Classpath,
            "required" when allowRequired => IncludeKind.Heuristic,
            _ => null,
        };
        if (kind is null || AtEnd || Current != '(')
        {
            _pos = start;
            throw Error($"include must be followed by a quoted string, file(\"...\"), url(\"...\"), classpath(\"...\") or required(...), found {Found()}");
        }

        _pos++;
        SkipWhitespaceAndComments();
        IncludeSpec spec;
        if (word == "required")
        {
            spec = ParseIncludeSpec(allowRequired: false) with { Required = true };
        }
        else
        {
            if (AtEnd || Current != '"')
            {
                throw Error($"expected a quoted string inside {word}(...), found {Found()}");
            }

            spec = new IncludeSpec(kind.Value, ParseQuotedText(), false);
        }

        SkipWhitespaceAndComments();
        if (AtEnd || Current != ')')
        {
            throw Error($"expected ')' to close {word}(...), found {Found()}");
        }

        _pos++;
        return spec;
    }
}
