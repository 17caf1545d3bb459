using System.Globalization;
using System.Text;

namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// Reads a Java properties file the way <c>java.util.Properties.load</c> does and maps it to an
/// object as the HOCON spec says: each key is split on '.' into a path (empty elements kept, so
/// <c>a.b.c=1</c> is <c>a { b { c = "1" } }</c>), every value is a string, and a later
/// assignment of a key replaces an earlier one. When a key is both a value and the parent of
/// other keys (<c>a=1</c> and <c>a.b=2</c>) the object wins whatever the order, as in the
/// reference implementation, because Java does not keep the order of a properties file.
/// </summary>
internal sealed class PropertiesParser
{
    private readonly string _text;
    private readonly string _origin;
    private readonly KeyTable _keys;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private PropertiesParser(string text, string origin, KeyTable keys)
    {
        _text = text;
        _origin = origin;
        _keys = keys;
    }

    public static HoconObject Parse(string text, string origin, KeyTable keys) => new PropertiesParser(text, origin, keys).ParseDocument();

    private HoconObject ParseDocument()
    {
        // Key -> value and where the key was written, in the order keys first appear.
        var entries = new Dictionary<string, (string Value, Position Position)>(StringComparer.Ordinal);
        var order = new List<string>();
        while (ReadLogicalLine() is { } line)
        {
            var (key, value) = SplitEntry(line.Text, line.Start);
            if (!entries.ContainsKey(key))
            {
                order.Add(key);
            }

            entries[key] = (value, line.Start);
        }

        // Every proper prefix of a key names an object; a value at such a path is dropped.
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in order)
        {
            for (int dot = key.IndexOf('.'); dot >= 0; dot = key.IndexOf('.', dot + 1))
            {
                parents.Add(key[..dot]);
            }
        }

        var root = new HoconObject(new Position(_origin, 1, 1));
        foreach (string key in order)
        {
            if (parents.Contains(key))
            {
                continue;
            }

            var (value, position) = entries[key];
            string[] path = key.Split('.');
            var current = root;
            for (int i = 0; i < path.Length - 1; i++)
            {
                string element = _keys.Intern(path[i]);
                if (current.Get(element) is not HoconObject child)
                {
                    child = new HoconObject(position);
                    current.Add(element, child);
                }

                current = child;
            }

            current.Set(_keys.Intern(path[^1]), new HoconString(position, value));
        }

        return root;
    }

    /// <summary>
    /// The next logical line that is neither blank nor a comment, with its continuations joined
    /// (a line ending in an odd number of backslashes goes on, without its leading whitespace, on the
    /// next one); <see langword="null"/> at the end of the file. Escapes are still in the text.
    /// </summary>
    private (string Text, Position Start)? ReadLogicalLine()
    {
        while (_pos < _text.Length)
        {
            SkipBlanks();
            var start = new Position(_origin, _line, _pos - _lineStart + 1);
            if (_pos >= _text.Length)
            {
                return null;
            }

            char first = _text[_pos];
            if (first is '\n' or '\r')
            {
                SkipLineEnd();
                continue;
            }

            if (first is '#' or '!')
            {
                // Comment lines are never continued.
                while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
                {
                    _pos++;
                }

                SkipLineEnd();
                continue;
            }

            var sb = new StringBuilder();
            while (true)
            {
                int end = _pos;
                while (end < _text.Length && _text[end] is not ('\n' or '\r'))
                {
                    end++;
                }

                int backslashes = 0;
                while (end - backslashes > _pos && _text[end - backslashes - 1] == '\\')
                {
                    backslashes++;
                }

                bool continued = backslashes % 2 == 1;
                sb.Append(_text, _pos, end - _pos - (continued ? 1 : 0));
                _pos = end;
                SkipLineEnd();
                if (!continued || _pos >= _text.Length)
                {
                    return (sb.ToString(), start);
                }

                SkipBlanks();
            }
        }

        return null;
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\f')
        {
            _pos++;
        }
    }

    private void SkipLineEnd()
    {
        if (_pos >= _text.Length)
        {
            return;
        }

        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Splits a logical line at the first unescaped '=', ':' or whitespace, and unescapes both sides.</summary>
    private (string Key, string Value) SplitEntry(string line, in Position start)
    {
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            i++;
        }

        int keyEnd = Math.Min(i, line.Length);
        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        return (Unescape(line, 0, keyEnd, start), Unescape(line, i, line.Length, start));
    }

    private static string Unescape(string line, int from, int to, in Position start)
    {
        int backslash = line.IndexOf('\\', from, to - from);
        if (backslash < 0)
        {
            return line[from..to];
        }

        var sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++)
        {
            char c = line[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i + 1 >= to)
            {
                // A lone backslash at the very end stands for nothing.
                continue;
            }

            char e = line[++i];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (to - (i + 1) >= 4 &&
                        ushort.TryParse(line.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        sb.Append((char)code);
                        i += 4;
                        break;
                    }

                    throw HoconException.At(start, "malformed \\uXXXX escape in a properties file: \\u must be followed by four hexadecimal digits");
                default:
                    // Any other escaped character stands for itself (\=, \:, \#, \ , \\).
                    sb.Append(e);
                    break;
            }
        }

        return sb.ToString();
    }
}
