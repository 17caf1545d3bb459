using System.Text;

namespace ActorIpc.Remote.Wire;

/// <summary>UTF-8 helpers shared by the frame writer, reader and handshake.</summary>
internal static class WireText
{
    /// <summary>
    /// UTF-8 that throws on invalid input both ways: a lone surrogate in a local string is a
    /// bug to surface, and invalid bytes from a peer are a protocol violation, not text to patch
    /// over with U+FFFD.
    /// </summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 byte count of <paramref name="text"/>; throws <see cref="ArgumentException"/> for a lone surrogate.</summary>
    /// <remarks>An empty text (the manifest of most messages) is not handed to the encoder.</remarks>
    public static int GetByteCount(string text) => text.Length == 0 ? 0 : StrictUtf8.GetByteCount(text);

    /// <summary>
    /// Cuts <paramref name="text"/> so that its UTF-8 form fits in <paramref name="maxBytes"/>,
    /// on a character boundary, and replaces lone surrogates, so a failure reason can always be sent.
    /// </summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (!HasLoneSurrogate(text) && StrictUtf8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        // Reasons quote peer input; the lenient encoder turns a lone surrogate into U+FFFD
        // rather than making the Reject itself fail.
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = Math.Min(bytes.Length, maxBytes);
        while (cut > 0 && cut < bytes.Length && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(bytes, 0, cut);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
