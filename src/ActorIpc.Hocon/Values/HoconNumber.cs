using System.Globalization;

namespace ActorIpc.Hocon;

/// <summary>
/// A number. It keeps the literal as written (so <c>1e5</c> concatenates and renders as <c>1e5</c>)
/// and its value as a 64-bit integer when the literal is an integer, otherwise as a double.
/// </summary>
public sealed class HoconNumber : HoconValue
{
    private readonly long _integer;
    private string? _literal;

    /// <summary>An integer; <paramref name="literal"/> may be null when it is the canonical spelling, to save memory.</summary>
    internal HoconNumber(in Position position, string? literal, long value)
        : base(position)
    {
        _literal = literal;
        _integer = value;
        IsIntegral = true;
        DoubleValue = value;
    }

    internal HoconNumber(in Position position, string literal, double value)
        : base(position)
    {
        _literal = literal;
        DoubleValue = value;
        IsIntegral = false;
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.Number;

    /// <summary>The number exactly as written in the document, for example <c>10.0</c> or <c>1e5</c>.</summary>
    public string Literal => _literal ??= _integer.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the literal was an integer (no decimal point, no exponent) that fits 64 bits.</summary>
    public bool IsIntegral { get; }

    /// <summary>The value as a double (integers are converted).</summary>
    public double DoubleValue { get; }

    /// <summary>Gets the value as a 64-bit integer when it is one exactly.</summary>
    /// <param name="value">The integer value, or 0 when the number has a fractional part or is out of range.</param>
    /// <returns><see langword="true"/> if the number is a whole number within the range of <see cref="long"/>.</returns>
    public bool TryGetInt64(out long value)
    {
        if (IsIntegral)
        {
            value = _integer;
            return true;
        }

        double d = DoubleValue;
        if (Math.Floor(d) == d && d >= -9.2233720368547758E+18 && d < 9.2233720368547758E+18)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The canonical JSON spelling of the value, used when the literal is not valid JSON.</summary>
    internal string CanonicalText => IsIntegral
        ? _integer.ToString(CultureInfo.InvariantCulture)
        : DoubleValue.ToString("R", CultureInfo.InvariantCulture);
}
