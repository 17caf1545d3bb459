using System.Text;

namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// A hand-written recursive-descent HOCON parser working directly on the document string with an
/// index (no token list, no regular expressions). It builds the merged, still unresolved tree:
/// duplicate keys, path keys and includes are merged as they are read.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _text;
    private readonly DocumentSource _source;
    private readonly ParseSession _session;
    private readonly string[] _includePrefix;

    // Strict JSON (a .json file): the same grammar with HOCON's extensions refused.
    private readonly bool _json;
    private readonly StringBuilder _keyBuilder = new();
    private readonly List<string> _segments = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public Parser(string text, DocumentSource source, ParseSession session, string[] includePrefix, bool json = false)
    {
        _text = text;
        _source = source;
        _session = session;
        _includePrefix = includePrefix;
        _json = json;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private PathNode? RootPath => _includePrefix.Length == 0 ? null : new PathNode(null, _includePrefix);

    private Position CurrentPosition => new(_source.Origin, _line, _pos - _lineStart + 1);

    /// <summary>Parses the whole document; the root must be an object, braces optional.</summary>
    public HoconObject ParseDocument()
    {
        SkipWhitespaceAndComments();
        var root = new HoconObject(new Position(_source.Origin, 1, 1));
        if (AtEnd)
        {
            if (_json)
            {
                throw Error("empty JSON document: expected an object");
            }

            return root;
        }

        if (Current == '[')
        {
            throw Error("the document root must be an object, found an array");
        }

        if (_json && Current != '{')
        {
            throw Error($"a JSON document must be an object in braces, found {Found()}");
        }

        if (Current == '{')
        {
            var open = CurrentPosition;
            _pos++;
            ParseObjectBody(root, RootPath, open);
            SkipWhitespaceAndComments();
            if (!AtEnd)
            {
                throw Error($"expected end of input after the root object, found {Found()}");
            }
        }
        else
        {
            ParseObjectBody(root, RootPath, null);
        }

        return root;
    }

    private HoconException Error(string reason, PathNode? path = null) => ErrorAt(CurrentPosition, reason, path);

    private static HoconException ErrorAt(in Position position, string reason, PathNode? path = null) =>
        HoconException.At(position, reason, PathNode.Render(path));

    private string Found()
    {
        if (AtEnd)
        {
            return "end of input";
        }

        if (Current == '/' && Peek(1) == '/')
        {
            return "a comment";
        }

        return CharClass.Describe(Current);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool AtComment()
    {
        char c = _text[_pos];
        return c == '#' || (c == '/' && Peek(1) == '/');
    }

    private void SkipToEndOfLine()
    {
        int newline = _text.IndexOf('\n', _pos);
        _pos = newline < 0 ? _text.Length : newline;
    }

    /// <summary>Skips whitespace, newlines and comments; tells whether a newline was crossed.</summary>
    private bool SkipWhitespaceAndComments()
    {
        bool sawNewline = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
                sawNewline = true;
            }
            else if (CharClass.IsWhitespace(c))
            {
                _pos++;
            }
            else if (AtComment())
            {
                if (_json)
                {
                    throw Error("comments are not allowed in JSON");
                }

                SkipToEndOfLine();
            }
            else
            {
                break;
            }
        }

        return sawNewline;
    }

    /// <summary>Skips whitespace on the current line only.</summary>
    private void SkipInlineWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n' || !CharClass.IsWhitespace(c))
            {
                break;
            }

            _pos++;
        }
    }

    private void NoteNewlines(int start, int end)
    {
        for (int i = _text.IndexOf('\n', start, end - start); i >= 0; i = _text.IndexOf('\n', i + 1, end - i - 1))
        {
            _line++;
            _lineStart = i + 1;
        }
    }
}
