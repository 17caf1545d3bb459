using System.Buffers;
using System.Globalization;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Quoted strings, multi-line strings and path expressions.</summary>
internal sealed partial class Parser
{
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private HoconString ParseQuotedValue()
    {
        var position = CurrentPosition;
        return new HoconString(position, ParseQuotedText());
    }

    /// <summary>Reads a JSON quoted string at the current '"', refusing HOCON's <c>"""</c> form.</summary>
    private string ParseJsonString()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            throw Error("triple-quoted strings are not allowed in JSON");
        }

        return ParseQuotedText();
    }

    /// <summary>Reads a JSON quoted string or a <c>"""</c> multi-line string at the current '"'.</summary>
    private string ParseQuotedText()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            return ParseMultiLine();
        }

        var open = CurrentPosition;
        _pos++;
        int start = _pos;
        int stop = _text.AsSpan(_pos).IndexOfAny(QuotedStops);
        if (stop >= 0 && _text[_pos + stop] == '"')
        {
            // The common case: no escapes, one substring.
            _pos += stop + 1;
            return _text.Substring(start, stop);
        }

        // A fresh builder: keys reuse _keyBuilder while they read quoted parts.
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt(open, "unterminated quoted string: expected '\"' before end of input");
            }

            char c = Current;
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\n')
            {
                throw Error($"unterminated quoted string started at {open.Line}:{open.Column}: a newline must be written \\n (or use a \"\"\" multi-line string)");
            }

            if (c < 32)
            {
                throw Error($"control character U+{(int)c:X4} must be escaped inside a quoted string");
            }

            if (c == '\\')
            {
                sb.Append(ParseEscape());
                continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    private char ParseEscape()
    {
        var position = CurrentPosition;
        _pos++;
        if (AtEnd)
        {
            throw ErrorAt(position, "unterminated escape sequence at end of input");
        }

        char e = Current;
        _pos++;
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length &&
                    ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                {
                    _pos += 4;
                    return (char)code;
                }

                throw ErrorAt(position, "invalid escape: \\u must be followed by four hexadecimal digits");
            default:
                throw ErrorAt(position, $"invalid escape '\\{e}' in quoted string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    /// <summary>
    /// A <c>"""</c> string: everything up to the first run of three or more quotes, taken literally;
    /// quotes beyond three at the end belong to the string (the spec's Scala rule).
    /// </summary>
    private string ParseMultiLine()
    {
        var open = CurrentPosition;
        int start = _pos + 3;
        int end = _text.IndexOf("\"\"\"", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw ErrorAt(open, "unterminated multi-line string: expected \"\"\" before end of input");
        }

        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        NoteNewlines(start, end);
        _pos = end + 3;
        return _text.Substring(start, end - start);
    }

    /// <summary>True when the current character continues a path expression.</summary>
    private bool IsPathPieceStart()
    {
        char c = Current;
        return c == '"' || (!CharClass.IsForbidden(c) && !(c == '/' && Peek(1) == '/'));
    }

    /// <summary>
    /// Reads a path expression (a key or the inside of a substitution): unquoted text split on '.',
    /// quoted text kept whole, whitespace between pieces kept. Returns an empty array when there
    /// is nothing path-like at the current position. Keys are interned through the session.
    /// </summary>
    private string[] ParsePathExpression()
    {
        var start = CurrentPosition;
        var segments = _segments;
        var sb = _keyBuilder;
        segments.Clear();
        sb.Clear();

        // The current element is either text[directStart..directStart+directLength] (the common
        // case, no copy) or, once quoted parts or whitespace join in, the contents of sb.
        bool hasContent = false;
        bool plain = true; // no quotes, no inner whitespace: the raw text identifies the path
        int expressionStart = _pos;
        int directStart = -1;
        int directLength = 0;
        while (!AtEnd)
        {
            char c = Current;
            if (c == '"')
            {
                plain = false;
                FlushDirect();
                sb.Append(ParseQuotedText());
                hasContent = true;
                continue;
            }

            if (c != '\n' && CharClass.IsWhitespace(c))
            {
                int whitespaceStart = _pos;
                SkipInlineWhitespace();
                if (!AtEnd && IsPathPieceStart())
                {
                    plain = false;
                    FlushDirect();
                    sb.Append(_text, whitespaceStart, _pos - whitespaceStart);
                    hasContent = true;
                    continue;
                }

                break;
            }

            if (CharClass.IsForbidden(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            int runStart = _pos;
            while (_pos < _text.Length)
            {
                c = _text[_pos];
                if (CharClass.IsForbidden(c) || (c == '/' && Peek(1) == '/'))
                {
                    break;
                }

                if (c == '.')
                {
                    if (!hasContent && _pos == runStart)
                    {
                        throw Error("empty path element: '.' must separate non-empty keys (quote an empty key as \"\")");
                    }

                    AppendRun(runStart, _pos - runStart);
                    segments.Add(TakeElement());
                    runStart = _pos + 1;
                }

                _pos++;
            }

            if (_pos > runStart)
            {
                AppendRun(runStart, _pos - runStart);
            }
        }

        if (!AtEnd && Current == '$' && (segments.Count > 0 || hasContent))
        {
            throw Error("substitutions are not allowed inside a path expression (in a key or inside ${...})");
        }

        if (!hasContent)
        {
            if (segments.Count == 0)
            {
                return [];
            }

            throw ErrorAt(start, "a path must not end with '.' (quote an empty key as \"\")");
        }

        if (segments.Count == 0)
        {
            return directStart >= 0
                ? _session.Keys.SinglePath(_text.AsSpan(directStart, directLength))
                : _session.Keys.SinglePath(sb.ToString());
        }

        segments.Add(TakeElement());
        return plain ? _session.Keys.DottedPath(_text.AsSpan(expressionStart, _pos - expressionStart), segments) : segments.ToArray();

        void FlushDirect()
        {
            if (directStart >= 0)
            {
                sb.Append(_text, directStart, directLength);
                directStart = -1;
            }
        }

        void AppendRun(int runStart, int length)
        {
            if (length == 0)
            {
                return;
            }

            if (!hasContent && sb.Length == 0)
            {
                directStart = runStart;
                directLength = length;
            }
            else
            {
                FlushDirect();
                sb.Append(_text, runStart, length);
            }

            hasContent = true;
        }

        string TakeElement()
        {
            string element = directStart >= 0
                ? _session.Keys.Intern(_text.AsSpan(directStart, directLength))
                : _session.Keys.Intern(sb.ToString());
            directStart = -1;
            sb.Clear();
            hasContent = false;
            return element;
        }
    }
}
