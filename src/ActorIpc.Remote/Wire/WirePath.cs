using System.Globalization;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// An actor path as a frame carries it (a string field: varint length, then UTF-8), in one of
/// three forms that write the same bytes: text, encoded on every write; UTF-8 bytes made once,
/// copied on every write (a reference that is written often keeps them); or a promise's path,
/// written as its prefix's bytes and its number in decimal, so an Ask's sender costs no string.
/// </summary>
internal readonly struct WirePath
{
    private readonly string? _text;
    private readonly byte[]? _utf8;
    private readonly long _number;

    /// <summary>The path as text; null or empty for no path.</summary>
    public WirePath(string? text) => _text = text;

    private WirePath(byte[] utf8, long number)
    {
        _utf8 = utf8;
        _number = number;
    }

    /// <summary>True for no path (an absent sender).</summary>
    public bool IsEmpty => _utf8 is null ? string.IsNullOrEmpty(_text) : _utf8.Length == 0 && _number == 0;

    /// <summary>The text form.</summary>
    public static implicit operator WirePath(string? text) => new(text);

    /// <summary>A path already encoded; <paramref name="utf8"/> must stay unchanged while it is in use.</summary>
    public static WirePath FromUtf8(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new WirePath(utf8, 0);
    }

    /// <summary>
    /// <paramref name="prefixUtf8"/> followed by <paramref name="number"/> in decimal (positive,
    /// no leading zero): the path of a promise, whose prefix ends with <c>/temp/$</c>.
    /// </summary>
    public static WirePath Numbered(byte[] prefixUtf8, long number)
    {
        ArgumentNullException.ThrowIfNull(prefixUtf8);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return new WirePath(prefixUtf8, number);
    }

    /// <summary>The UTF-8 bytes the path takes; throws <see cref="ArgumentException"/> for text with a lone surrogate.</summary>
    public int ByteCount() => _utf8 is null
        ? (_text is null ? 0 : WireText.GetByteCount(_text))
        : _utf8.Length + (_number == 0 ? 0 : DecimalDigits(_number));

    /// <summary>Writes the path as a string field; <paramref name="byteCount"/> is <see cref="ByteCount"/>.</summary>
    public void Write(ref FrameSpanWriter writer, int byteCount)
    {
        if (_utf8 is null)
        {
            writer.WriteString(_text ?? string.Empty, byteCount);
            return;
        }

        writer.WriteVarint((uint)byteCount);
        writer.WriteBytes(_utf8);
        if (_number != 0)
        {
            writer.WriteDecimal(_number);
        }
    }

    /// <summary>The path as text, for messages and tests.</summary>
    public override string ToString() => _utf8 is null
        ? _text ?? string.Empty
        : WireText.StrictUtf8.GetString(_utf8) + (_number == 0 ? string.Empty : _number.ToString(CultureInfo.InvariantCulture));

    /// <summary>How many decimal digits <paramref name="value"/> (positive) takes.</summary>
    internal static int DecimalDigits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
