using System.Globalization;

namespace ActorIpc.Serialization;

/// <summary>
/// A recursive-descent parser of one type name (see <see cref="TypeName"/>). The grammar:
/// <code>
/// qualified := spec [ ',' assembly ]
/// spec      := name [ '[' argument { ',' argument } ']' ] { '[' ( '*' | { ',' } ) ']' }
/// argument  := '[' qualified ']' | spec
/// </code>
/// A '[' after the name opens type arguments unless it is followed by ']', ',' or '*', which make
/// an array suffix. An assembly runs to the end of the text at the top level and to the closing
/// ']' inside type arguments; its simple name is the part before its first ','.
/// </summary>
internal sealed class TypeNameParser
{
    // Names come from the wire: a bound on nesting keeps a hostile name from exhausting the stack.
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _position;
    private int _depth;

    public TypeNameParser(string text) => _text = text;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    /// <summary>Parses the whole text as one qualified type name.</summary>
    public TypeName ParseWhole()
    {
        var name = ParseQualified(topLevel: true);
        SkipSpaces();
        return AtEnd ? name : throw Error($"unexpected '{Current}'");
    }

    private TypeName ParseQualified(bool topLevel)
    {
        var (name, arguments, ranks) = ParseSpec();
        SkipSpaces();
        string? assembly = null;
        if (Current == ',')
        {
            _position++;
            assembly = ParseAssembly(topLevel);
        }

        return new TypeName(name, assembly, arguments, ranks);
    }

    private (string Name, IReadOnlyList<TypeName> Arguments, IReadOnlyList<int> Ranks) ParseSpec()
    {
        SkipSpaces();
        var name = ParseName();
        IReadOnlyList<TypeName> arguments = [];
        if (Current == '[' && OpensTypeArguments())
        {
            if (++_depth > MaxDepth)
            {
                throw Error($"type arguments nested deeper than {MaxDepth} levels");
            }

            arguments = ParseTypeArguments();
            _depth--;
        }

        var ranks = new List<int>();
        while (Current == '[')
        {
            ranks.Add(ParseArraySuffix());
        }

        if (Current is '*' or '&')
        {
            throw Error("pointer and by-ref types are not type names that cross the wire");
        }

        var arity = Arity(name);
        if (arguments.Count > 0 && arguments.Count != arity)
        {
            throw Error($"'{name}' takes {arity} type argument(s), {arguments.Count} given");
        }

        return (name, arguments, ranks);
    }

    private string ParseName()
    {
        var start = _position;
        while (!AtEnd && Current is not ('[' or ']' or ',' or '*' or '&'))
        {
            if (Current == '\\')
            {
                // Escaped characters appear only in names no C# compiler produces; refusing them
                // keeps one spelling per type, so that a pattern cannot be sidestepped.
                throw Error("escaped characters in type names are not supported");
            }

            _position++;
        }

        var name = _text[start.._position].Trim();
        return name.Length > 0 ? name : throw Error("a type name is missing");
    }

    private bool OpensTypeArguments()
    {
        var next = _position + 1;
        while (next < _text.Length && char.IsWhiteSpace(_text[next]))
        {
            next++;
        }

        return next < _text.Length && _text[next] is not (']' or ',' or '*');
    }

    private List<TypeName> ParseTypeArguments()
    {
        _position++; // '['
        var arguments = new List<TypeName>();
        while (true)
        {
            SkipSpaces();
            if (Current == '[')
            {
                _position++;
                arguments.Add(ParseQualified(topLevel: false));
                SkipSpaces();
                Expect(']');
            }
            else
            {
                var (name, nested, ranks) = ParseSpec();
                arguments.Add(new TypeName(name, null, nested, ranks));
            }

            SkipSpaces();
            if (Current == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return arguments;
        }
    }

    private int ParseArraySuffix()
    {
        _position++; // '['
        SkipSpaces();
        var rank = 1;
        if (Current == '*')
        {
            _position++;
        }

        for (SkipSpaces(); Current == ','; SkipSpaces())
        {
            _position++;
            rank++;
        }

        Expect(']');
        return rank;
    }

    private string ParseAssembly(bool topLevel)
    {
        var start = _position;
        while (!AtEnd && Current != ']')
        {
            if (Current == '[')
            {
                throw Error("'[' in an assembly name");
            }

            _position++;
        }

        if (topLevel && !AtEnd)
        {
            throw Error("unexpected ']'");
        }

        var assembly = _text[start.._position];
        var comma = assembly.IndexOf(',', StringComparison.Ordinal);
        var simpleName = (comma < 0 ? assembly : assembly[..comma]).Trim();
        return simpleName.Length > 0 ? simpleName : throw Error("an assembly name is missing");
    }

    private void Expect(char expected)
    {
        if (Current != expected)
        {
            throw Error(AtEnd ? $"'{expected}' expected at the end" : $"'{expected}' expected instead of '{Current}'");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    // The number of type parameters a name declares: the sum over its nesting levels
    // (Outer`1+Inner`2 takes three).
    private int Arity(string name)
    {
        var arity = 0;
        foreach (var level in name.Split('+'))
        {
            var tick = level.LastIndexOf('`');
            if (tick < 0)
            {
                continue;
            }

            if (!int.TryParse(level.AsSpan(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw Error($"'{level}' has no number of type parameters after its '`'");
            }

            arity += count;
        }

        return arity;
    }

    private FormatException Error(string reason) =>
        new($"'{_text}' is not a type name: {reason} (at character {_position + 1})");
}
