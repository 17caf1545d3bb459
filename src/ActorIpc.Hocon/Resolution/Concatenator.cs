using System.Text;

namespace ActorIpc.Hocon.Resolution;

/// <summary>
/// Joins the pieces of a value concatenation: simple values become one string, arrays one array,
/// objects one merged object. Unquoted whitespace next to arrays or objects is dropped; any other mix
/// of kinds is an error.
/// </summary>
internal static class Concatenator
{
    /// <summary>Joins resolved pieces; returns <see langword="null"/> when there are none (all optional and undefined).</summary>
    public static HoconValue? Join<TState>(List<HoconValue> pieces, in Position position, TState state, Func<TState, string?> describePath, bool inPlace)
    {
        if (pieces.Count == 0)
        {
            return null;
        }

        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        HoconValue? firstComplex = null;
        foreach (var piece in pieces)
        {
            if (piece is HoconObject or HoconArray)
            {
                firstComplex = piece;
                break;
            }
        }

        if (firstComplex is null)
        {
            var sb = new StringBuilder();
            foreach (var piece in pieces)
            {
                sb.Append(AsConcatenationText(piece));
            }

            return new HoconString(pieces[0].Position, sb.ToString());
        }

        HoconValue? result = null;
        foreach (var piece in pieces)
        {
            if (piece is HoconString s && s.IsIgnorableWhitespace)
            {
                continue;
            }

            if (result is null)
            {
                result = piece;
            }
            else if (result is HoconArray left && piece is HoconArray right)
            {
                var items = new List<HoconValue>(left.Count + right.Count);
                items.AddRange(left.Items);
                items.AddRange(right.Items);
                result = new HoconArray(left.Position, items);
            }
            else if (result is HoconObject leftObject && piece is HoconObject rightObject)
            {
                result = ValueMerger.Merge(rightObject, leftObject, inPlace);
            }
            else
            {
                var at = piece.Line > 0 ? piece.Position : position;
                string? path = describePath(state);
                string where = path is null ? string.Empty : " at " + path;
                throw HoconException.At(
                    at,
                    $"cannot concatenate {Describe(result)} with {Describe(piece)}{where} (arrays join only with arrays, objects only with objects)",
                    path);
            }
        }

        return result;
    }

    private static string AsConcatenationText(HoconValue value) => value switch
    {
        HoconString s => s.Value,
        HoconNumber n => n.Literal,
        HoconBoolean b => b.Value ? "true" : "false",
        _ => "null",
    };

    /// <summary>Describes a value for messages: <c>the string "fast"</c>, <c>an array</c>, ...</summary>
    public static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconString s => "the string " + Rendering.JsonRenderer.Quote(s.Value.Length > 60 ? s.Value[..60] + "..." : s.Value),
        HoconNumber n => "the number " + n.Literal,
        HoconBoolean b => b.Value ? "the boolean true" : "the boolean false",
        HoconNull => "null",
        _ => "an unresolved value",
    };
}
