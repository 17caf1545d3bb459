using System.Globalization;
using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Values and value concatenation.</summary>
internal sealed partial class Parser
{
    /// <summary>True when the current character can start a value.</summary>
    private bool IsValueStart()
    {
        char c = Current;
        return c is '{' or '[' or '"' or '$' || (!CharClass.IsForbidden(c) && !(c == '/' && Peek(1) == '/'));
    }

    /// <summary>
    /// Reads a value and everything concatenated to it on the same line. Whitespace between two
    /// pieces is kept (as unquoted text) only after a simple value, as the spec requires; leading
    /// and trailing whitespace never is.
    /// </summary>
    private HoconValue ParseValue(PathNode? parent, string[]? key)
    {
        if (_json)
        {
            return ParseJsonValue(parent, key);
        }

        PathNode? path = key is null ? parent : null;
        var start = CurrentPosition;
        HoconValue? first = null;
        List<HoconValue>? pieces = null;
        bool hasSubstitution = false;
        while (!AtEnd && IsValueStart())
        {
            HoconValue piece;
            bool simple = true;
            switch (Current)
            {
                case '{':
                    piece = ParseObject(path ??= new PathNode(parent, key!));
                    simple = false;
                    break;
                case '[':
                    piece = ParseArray(path ??= new PathNode(parent, key!));
                    simple = false;
                    break;
                case '"':
                    piece = ParseQuotedValue();
                    break;
                case '$':
                    piece = ParseSubstitution();
                    hasSubstitution = true;
                    break;
                default:
                    piece = CharClass.IsNumberStart(Current) ? ParseNumber() : ParseUnquoted();
                    break;
            }

            if (first is null)
            {
                first = piece;
            }
            else
            {
                pieces ??= [first];
                pieces.Add(piece);
            }

            int whitespaceStart = _pos;
            SkipInlineWhitespace();
            if (_pos > whitespaceStart && simple && !AtEnd && IsValueStart())
            {
                pieces ??= [first];
                pieces.Add(new HoconString(CurrentPosition, _text.Substring(whitespaceStart, _pos - whitespaceStart), unquoted: true));
            }
        }

        if (first is null)
        {
            throw Error($"expected a value, found {Found()}", path ?? new PathNode(parent, key!));
        }

        if (pieces is null)
        {
            return first;
        }

        if (hasSubstitution)
        {
            return new HoconConcatenation(start, pieces);
        }

        // Without substitutions the concatenation can be joined now, so mistakes such as
        // `[1] x` are reported while parsing, at their position.
        return Concatenator.Join(pieces, start, (path, parent, key), static s => PathNode.Render(s.path ?? new PathNode(s.parent, s.key!)), inPlace: true)!;
    }

    /// <summary>One JSON value: no concatenation, substitution or unquoted text; the separator check that follows rejects anything after it.</summary>
    private HoconValue ParseJsonValue(PathNode? parent, string[]? key)
    {
        PathNode? Path() => key is null ? parent : new PathNode(parent, key);
        switch (Current)
        {
            case '{':
                return ParseObject(Path());
            case '[':
                return ParseArray(Path());
            case '"':
                var position = CurrentPosition;
                return new HoconString(position, ParseJsonString());
            case '$':
                throw Error("substitutions (${...}) are not allowed in JSON", Path());
        }

        var start = CurrentPosition;
        var value = CharClass.IsNumberStart(Current) ? ParseNumber() : ParseUnquoted();
        if (value is HoconString text)
        {
            throw ErrorAt(start, $"unquoted text {Rendering.JsonRenderer.Quote(text.Value)} is not allowed in JSON (quote it)", Path());
        }

        return value;
    }

    private HoconValue ParseNumber()
    {
        var position = CurrentPosition;
        int start = _pos;
        bool floating = false;
        while (!AtEnd && CharClass.IsNumberChar(Current))
        {
            floating |= Current is '.' or 'e' or 'E';
            _pos++;
        }

        var span = _text.AsSpan(start, _pos - start);
        if (!floating)
        {
            if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                // Most integers are written canonically (no leading zeros, no "-0"): their literal
                // is recomputed on demand instead of being kept.
                int digits = span[0] == '-' ? 1 : 0;
                bool canonical = span[digits] != '0' || (span.Length == 1);
                return new HoconNumber(position, canonical ? null : span.ToString(), integer);
            }
        }
        else if (double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double real))
        {
            return new HoconNumber(position, span.ToString(), real);
        }

        // Not a number after all (for example 127.0.0.1): it is unquoted text, unless it holds
        // the reserved '+'.
        int plus = span.IndexOf('+');
        if (plus >= 0)
        {
            throw ErrorAt(position with { Column = position.Column + plus }, "reserved character '+' is not allowed outside quotes (quote the value)");
        }

        return new HoconString(position, span.ToString(), unquoted: true);
    }

    private HoconValue ParseUnquoted()
    {
        var position = CurrentPosition;
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (CharClass.IsForbidden(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        int length = _pos - start;
        var span = _text.AsSpan(start, length);
        if (length == 4 && span.SequenceEqual("true"))
        {
            return new HoconBoolean(position, true);
        }

        if (length == 5 && span.SequenceEqual("false"))
        {
            return new HoconBoolean(position, false);
        }

        if (length == 4 && span.SequenceEqual("null"))
        {
            return new HoconNull(position);
        }

        return new HoconString(position, span.ToString(), unquoted: true);
    }

    private HoconSubstitution ParseSubstitution()
    {
        var position = CurrentPosition;
        if (Peek(1) != '{')
        {
            _pos++;
            throw Error($"'$' must be followed by '{{' to start a substitution such as ${{a.b}}, found {Found()}");
        }

        _pos += 2;
        bool optional = false;
        if (!AtEnd && Current == '?')
        {
            optional = true;
            _pos++;
        }

        SkipInlineWhitespace();
        string[] path = ParsePathExpression();
        if (path.Length == 0)
        {
            throw Error($"expected a path inside the substitution, found {Found()} (write ${{a.b}} or ${{?a.b}}; no space before '?', no nested substitutions)");
        }

        SkipInlineWhitespace();
        if (AtEnd || Current != '}')
        {
            throw Error($"expected '}}' to close the substitution started at {position.Line}:{position.Column}, found {Found()}");
        }

        _pos++;
        return new HoconSubstitution(position, path, optional, _includePrefix);
    }
}
