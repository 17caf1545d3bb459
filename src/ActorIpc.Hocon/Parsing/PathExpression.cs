using System.Text;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Parses the path strings given to <see cref="Config"/> getters and renders paths for messages.</summary>
internal static class PathExpression
{
    /// <summary>Splits <paramref name="path"/> into keys: dots separate keys, quoted parts keep their dots.</summary>
    public static string[] Parse(string path)
    {
        if (path.Length == 0)
        {
            throw new HoconException("invalid path \"\": a path must have at least one element (use GetKeys(\"\") or Root for the root object)");
        }

        if (!path.Contains('"', StringComparison.Ordinal))
        {
            string[] parts = path.Split('.');
            foreach (string part in parts)
            {
                if (part.Length == 0)
                {
                    throw InvalidPath(path, "empty path element (quote an empty key as \"\")");
                }
            }

            return parts;
        }

        return ParseQuoted(path);
    }

    private static string[] ParseQuoted(string path)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        bool hasContent = false;
        int i = 0;
        while (i < path.Length)
        {
            char c = path[i];
            if (c == '.')
            {
                if (!hasContent)
                {
                    throw InvalidPath(path, "empty path element (quote an empty key as \"\")");
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
                i++;
            }
            else if (c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= path.Length)
                    {
                        throw InvalidPath(path, "unterminated quoted element");
                    }

                    char q = path[i++];
                    if (q == '"')
                    {
                        break;
                    }

                    if (q == '\\' && i < path.Length)
                    {
                        char e = path[i++];
                        current.Append(e switch
                        {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            'b' => '\b',
                            'f' => '\f',
                            _ => e,
                        });
                    }
                    else
                    {
                        current.Append(q);
                    }
                }

                hasContent = true;
            }
            else
            {
                current.Append(c);
                hasContent = true;
                i++;
            }
        }

        if (!hasContent)
        {
            throw InvalidPath(path, "a path must not end with '.'");
        }

        segments.Add(current.ToString());
        return segments.ToArray();
    }

    private static HoconException InvalidPath(string path, string why) => new($"invalid path \"{path}\": {why}");

    /// <summary>Renders keys as a path expression, quoting keys that would not read back as one element.</summary>
    public static string Render(IReadOnlyList<string> path)
    {
        if (path.Count == 1 && !NeedsQuotes(path[0]))
        {
            return path[0];
        }

        var sb = new StringBuilder();
        for (int i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, path[i]);
        }

        return sb.ToString();
    }

    public static string Join(string prefix, string key) =>
        prefix.Length == 0 ? RenderKey(key) : prefix + "." + RenderKey(key);

    public static string RenderKey(string key) => NeedsQuotes(key) ? Rendering.JsonRenderer.Quote(key) : key;

    public static void AppendKey(StringBuilder sb, string key)
    {
        if (NeedsQuotes(key))
        {
            Rendering.JsonRenderer.AppendQuoted(sb, key);
        }
        else
        {
            sb.Append(key);
        }
    }

    /// <summary>True when a key must be quoted to be read back as exactly one path element.</summary>
    public static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key == "include")
        {
            return true;
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c == '.' || CharClass.IsForbidden(c) || (c == '/' && i + 1 < key.Length && key[i + 1] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
