using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Objects, fields and arrays.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Reads fields into <paramref name="target"/> until the closing brace (when <paramref name="open"/>
    /// is the position of the opening one) or the end of input (braceless root).
    /// </summary>
    private void ParseObjectBody(HoconObject target, PathNode? path, Position? open)
    {
        SkipWhitespaceAndComments();
        while (true)
        {
            if (AtEnd)
            {
                if (open is { } o)
                {
                    throw Error($"expected '}}' to close the object opened at {o.Line}:{o.Column}, found end of input", path);
                }

                return;
            }

            char c = Current;
            if (c == '}')
            {
                if (open is null)
                {
                    throw Error("unbalanced '}': there is no object to close (the document did not start with '{')", path);
                }

                _pos++;
                return;
            }

            if (c == ',')
            {
                throw Error("expected a key, found ','; commas separate fields and only one may follow the last field", path);
            }

            string[]? key = ParseFieldOrInclude(target, path);

            // JSON separates fields with commas only, and allows none before the closing brace.
            bool sawNewline = SkipWhitespaceAndComments() && !_json;
            if (AtEnd)
            {
                continue;
            }

            c = Current;
            if (c == ',')
            {
                _pos++;
                SkipWhitespaceAndComments();
                if (_json && !AtEnd && Current == '}')
                {
                    throw Error("JSON does not allow a comma before '}'", path);
                }
            }
            else if (c != '}' && !sawNewline)
            {
                string after = key is null ? "the include statement" : $"the value of key \"{PathExpression.Render(key)}\"";
                string separators = _json ? "',' or '}'" : "',', a newline or '}'";
                throw Error($"expected {separators} after {after}, found {Found()}", path);
            }
        }
    }

    /// <summary>Parses one field or include statement; returns the key, or <see langword="null"/> for an include.</summary>
    private string[]? ParseFieldOrInclude(HoconObject target, PathNode? path)
    {
        var keyPosition = CurrentPosition;
        if (_json)
        {
            return ParseJsonField(target, path, keyPosition);
        }

        if (AtIncludeKeyword())
        {
            ParseInclude(target, path, keyPosition);
            return null;
        }

        string[] key = ParsePathExpression();
        if (key.Length == 0)
        {
            if (!AtEnd && Current == '$')
            {
                throw Error("substitutions are not allowed in keys; a key must be a path expression such as a.b or \"a b\"", path);
            }

            throw Error($"expected a key, found {Found()}", path);
        }

        SkipWhitespaceAndComments();
        bool append = false;
        if (!AtEnd && (Current == '=' || Current == ':'))
        {
            _pos++;
        }
        else if (!AtEnd && Current == '+' && Peek(1) == '=')
        {
            _pos += 2;
            append = true;
        }
        else if (AtEnd || Current != '{')
        {
            throw Error($"expected '=' , ':' or '{{' after key \"{PathExpression.Render(key)}\", found {Found()}", new PathNode(path, key));
        }

        SkipWhitespaceAndComments();
        if (AtEnd || !IsValueStart())
        {
            throw Error($"expected a value for key \"{PathExpression.Render(key)}\", found {Found()}", new PathNode(path, key));
        }

        var value = ParseValue(path, key);
        if (append)
        {
            string[] fieldPath = PathNode.ToArray(new PathNode(path, key));
            // The spec: `a += b` is `a = ${?a} [b]`, a self-referential array concatenation.
            var self = new HoconSubstitution(keyPosition, fieldPath, optional: true, []);
            var array = new HoconArray(value.Position, [value]);
            value = new HoconConcatenation(keyPosition, [self, array]);
        }

        SetField(target, key, value);
        return key;
    }

    /// <summary>A JSON field: a quoted name, ':', a value; a name given twice in one object is an error, as in the reference.</summary>
    private string[] ParseJsonField(HoconObject target, PathNode? path, in Position keyPosition)
    {
        if (Current != '"')
        {
            throw Error($"expected a quoted field name, found {Found()} (JSON keys are quoted strings)", path);
        }

        string name = ParseJsonString();
        string[] key = _session.Keys.SinglePath(name);
        SkipWhitespaceAndComments();
        if (AtEnd || Current != ':')
        {
            throw Error($"expected ':' after field name {Rendering.JsonRenderer.Quote(name)}, found {Found()} (JSON separates names and values with ':')", new PathNode(path, key));
        }

        _pos++;
        SkipWhitespaceAndComments();
        if (AtEnd || !IsValueStart())
        {
            throw Error($"expected a value for key {Rendering.JsonRenderer.Quote(name)}, found {Found()}", new PathNode(path, key));
        }

        if (target.ContainsKey(key[0]))
        {
            throw ErrorAt(keyPosition, $"duplicate field {Rendering.JsonRenderer.Quote(name)}: JSON does not allow a name twice in one object", new PathNode(path, key));
        }

        target.Add(key[0], ParseValue(path, key));
        return key;
    }

    /// <summary>Stores a value at a (possibly dotted) key, merging with what is already there.</summary>
    private static void SetField(HoconObject target, string[] key, HoconValue value)
    {
        var current = target;
        for (int i = 0; i < key.Length - 1; i++)
        {
            current = ChildObject(current, key[i], value.Position);
        }

        string last = key[^1];
        current.Set(last, ValueMerger.Merge(value, current.Get(last), inPlace: true));
    }

    /// <summary>The object a dotted key continues into: `a.b = 1` behaves like `a { b = 1 }`.</summary>
    private static HoconObject ChildObject(HoconObject parent, string key, in Position position)
    {
        var existing = parent.Get(key);
        switch (existing)
        {
            case HoconObject obj:
                return obj;
            case HoconMergeStack { Layers: [HoconObject top, ..] }:
                return top;
        }

        var child = new HoconObject(position);
        parent.Set(key, existing is not null && existing.IsUnresolvedNode ? ValueMerger.Merge(child, existing, inPlace: true) : child);
        return child;
    }

    private HoconObject ParseObject(PathNode? path)
    {
        var open = CurrentPosition;
        _pos++;
        var obj = new HoconObject(open);
        ParseObjectBody(obj, path, open);
        return obj;
    }

    private HoconArray ParseArray(PathNode? path)
    {
        var open = CurrentPosition;
        _pos++;
        var items = new List<HoconValue>();
        SkipWhitespaceAndComments();
        while (true)
        {
            if (AtEnd)
            {
                throw Error($"expected ']' to close the array opened at {open.Line}:{open.Column}, found end of input", path);
            }

            char c = Current;
            if (c == ']')
            {
                _pos++;
                return new HoconArray(open, items);
            }

            if (c == ',')
            {
                throw Error("expected an array element or ']', found ','; commas separate elements and only one may follow the last element", path);
            }

            if (!IsValueStart())
            {
                throw Error($"expected an array element or ']', found {Found()}", path);
            }

            items.Add(ParseValue(path, null));
            bool sawNewline = SkipWhitespaceAndComments() && !_json;
            if (AtEnd)
            {
                continue;
            }

            c = Current;
            if (c == ',')
            {
                _pos++;
                SkipWhitespaceAndComments();
                if (_json && !AtEnd && Current == ']')
                {
                    throw Error("JSON does not allow a comma before ']'", path);
                }
            }
            else if (c != ']' && !sawNewline)
            {
                string separators = _json ? "',' or ']'" : "',', a newline or ']'";
                throw Error($"expected {separators} after an array element, found {Found()}", path);
            }
        }
    }
}
