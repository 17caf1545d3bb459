using System.Text;

namespace ActorIpc.Hocon.Rendering;

/// <summary>Renders resolved values as standard JSON.</summary>
internal static class JsonRenderer
{
    public static string Render(HoconValue value, bool indented)
    {
        var sb = new StringBuilder();
        Write(sb, value, indented, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, bool indented, int depth)
    {
        switch (value)
        {
            case HoconObject obj:
                WriteObject(sb, obj, indented, depth);
                break;
            case HoconArray array:
                WriteArray(sb, array, indented, depth);
                break;
            case HoconString s:
                AppendQuoted(sb, s.Value);
                break;
            case HoconNumber n:
                sb.Append(IsJsonNumber(n.Literal) ? n.Literal : n.CanonicalText);
                break;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case HoconNull:
                sb.Append("null");
                break;
            default:
                throw new HoconException($"cannot render an unresolved value as JSON ({value.Origin}:{value.Line}:{value.Column}); call Config.Resolve() first");
        }
    }

    private static void WriteObject(StringBuilder sb, HoconObject obj, bool indented, int depth)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        bool first = true;
        foreach (var pair in obj)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            NewLine(sb, indented, depth + 1);
            AppendQuoted(sb, pair.Key);
            sb.Append(indented ? ": " : ":");
            Write(sb, pair.Value, indented, depth + 1);
        }

        NewLine(sb, indented, depth);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, HoconArray array, bool indented, int depth)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            NewLine(sb, indented, depth + 1);
            Write(sb, array[i], indented, depth + 1);
        }

        NewLine(sb, indented, depth);
        sb.Append(']');
    }

    internal static void NewLine(StringBuilder sb, bool indented, int depth)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 32)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>True when a number literal is valid JSON as written (HOCON accepts <c>1.</c> or <c>007</c>; JSON does not).</summary>
    public static bool IsJsonNumber(string literal)
    {
        int i = 0;
        int n = literal.Length;
        if (i < n && literal[i] == '-')
        {
            i++;
        }

        if (i >= n || !char.IsAsciiDigit(literal[i]))
        {
            return false;
        }

        if (literal[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < n && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }
        }

        if (i < n && literal[i] == '.')
        {
            i++;
            int digits = i;
            while (i < n && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i < n && literal[i] is 'e' or 'E')
        {
            i++;
            if (i < n && literal[i] is '+' or '-')
            {
                i++;
            }

            int digits = i;
            while (i < n && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        return i == n;
    }
}
