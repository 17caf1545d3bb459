using System.Globalization;

namespace ActorIpc.Hocon.Parsing;

/// <summary>Character classes of the HOCON spec, with table lookups for ASCII.</summary>
internal static class CharClass
{
    // Per ASCII character, bit 1: whitespace; bit 2: ends unquoted text (the spec's forbidden
    // characters and whitespace). Built from " \t\n\v\f\r\x1c-\x1f" and "$\"{}[]:=,+#`^?!@*&\\".
    private static ReadOnlySpan<byte> AsciiFlags =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3,
        3, 2, 2, 2, 2, 0, 2, 0, 0, 0, 2, 2, 2, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 2,
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 0,
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0,
    ];

    public static bool IsWhitespace(char c)
    {
        if (c < 128)
        {
            return (AsciiFlags[c] & 1) != 0;
        }

        return c == '\uFEFF' || char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>Characters that end unquoted text: the spec's forbidden set plus whitespace.</summary>
    public static bool IsForbidden(char c) => c < 128 ? AsciiFlags[c] != 0 : IsWhitespace(c);

    public static bool IsNumberStart(char c) => c == '-' || (c >= '0' && c <= '9');

    public static bool IsNumberChar(char c) => (c >= '0' && c <= '9') || c is 'e' or 'E' or '+' or '-' or '.';

    public static bool IsAllWhitespace(string s)
    {
        foreach (char c in s)
        {
            if (!IsWhitespace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes a character for "found X" in error messages.</summary>
    public static string Describe(char c) => c switch
    {
        '\n' => "newline",
        '\t' => "tab",
        ' ' => "a space",
        '\'' => "\"'\"",
        _ when c < 32 || IsWhitespace(c) => $"U+{(int)c:X4}",
        _ => "'" + c + "'",
    };
}
