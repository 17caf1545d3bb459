using System.Text;
using ActorIpc.Hocon.Parsing;

namespace ActorIpc.Hocon.Rendering;

/// <summary>
/// Renders values as HOCON that parses back to the same config: root braces omitted, keys and
/// strings quoted only when unquoted text would read differently. Unresolved values are written as
/// substitutions, and a merge stack as repeated fields, oldest first, so they parse back the same way.
/// </summary>
internal static class HoconRenderer
{
    private const int IndentSize = 2;

    public static string RenderRoot(HoconObject root)
    {
        var sb = new StringBuilder();
        WriteFields(sb, root, 0);
        return sb.ToString();
    }

    public static string RenderValue(HoconValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int depth)
    {
        foreach (var pair in obj)
        {
            if (pair.Value is HoconMergeStack stack)
            {
                for (int i = stack.Layers.Count - 1; i >= 0; i--)
                {
                    WriteField(sb, pair.Key, stack.Layers[i], depth);
                }
            }
            else
            {
                WriteField(sb, pair.Key, pair.Value, depth);
            }
        }
    }

    private static void WriteField(StringBuilder sb, string key, HoconValue value, int depth)
    {
        sb.Append(' ', depth * IndentSize);
        PathExpression.AppendKey(sb, key);
        sb.Append(value is HoconObject ? " " : " = ");
        Write(sb, value, depth);
        sb.Append('\n');
    }

    private static void Write(StringBuilder sb, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{\n");
                WriteFields(sb, obj, depth + 1);
                sb.Append(' ', depth * IndentSize).Append('}');
                break;
            case HoconArray array:
                WriteArray(sb, array, depth);
                break;
            case HoconString s:
                AppendString(sb, s.Value);
                break;
            case HoconNumber n:
                sb.Append(n.Literal);
                break;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case HoconNull:
                sb.Append("null");
                break;
            case HoconSubstitution substitution:
                sb.Append(substitution.IncludePrefix.Length > 0
                    ? (substitution.IsOptional ? "${?" : "${") + PathExpression.Render([.. substitution.IncludePrefix, .. substitution.Path]) + "}"
                    : substitution.Text);
                break;
            case HoconConcatenation concatenation:
                foreach (var piece in concatenation.Pieces)
                {
                    if (piece is HoconString { IsUnquoted: true } text && CharClass.IsAllWhitespace(text.Value))
                    {
                        sb.Append(text.Value);
                    }
                    else
                    {
                        Write(sb, piece, depth);
                    }
                }

                break;
            case HoconMergeStack stack:
                // Only reachable inside arrays, where repeated fields cannot be written: the newest layer stands.
                Write(sb, stack.Layers[0], depth);
                break;
        }
    }

    private static void WriteArray(StringBuilder sb, HoconArray array, int depth)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append("[\n");
        for (int i = 0; i < array.Count; i++)
        {
            sb.Append(' ', (depth + 1) * IndentSize);
            Write(sb, array[i], depth + 1);
            sb.Append(i < array.Count - 1 ? ",\n" : "\n");
        }

        sb.Append(' ', depth * IndentSize).Append(']');
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        if (CanBeUnquoted(value))
        {
            sb.Append(value);
        }
        else
        {
            JsonRenderer.AppendQuoted(sb, value);
        }
    }

    /// <summary>True when the text reads back as exactly this string without quotes.</summary>
    private static bool CanBeUnquoted(string value)
    {
        if (value.Length == 0 || !(char.IsAsciiLetter(value[0]) || value[0] == '_') ||
            value is "true" or "false" or "null" or "include")
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (CharClass.IsForbidden(c) || (c == '/' && i + 1 < value.Length && value[i + 1] == '/'))
            {
                return false;
            }
        }

        return true;
    }
}
