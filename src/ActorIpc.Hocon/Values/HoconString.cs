namespace ActorIpc.Hocon;

/// <summary>A string value, written quoted, unquoted or as a <c>"""</c> multi-line string.</summary>
public sealed class HoconString : HoconValue
{
    internal HoconString(in Position position, string value, bool unquoted = false)
        : base(position)
    {
        Value = value;
        IsUnquoted = unquoted;
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.String;

    /// <summary>The string's characters after unescaping.</summary>
    public string Value { get; }

    /// <summary>
    /// True when the text was unquoted in the document. Unquoted whitespace between an array or
    /// object and another value is dropped by concatenation; quoted whitespace is not.
    /// </summary>
    internal bool IsUnquoted { get; }

    internal bool IsIgnorableWhitespace => IsUnquoted && Parsing.CharClass.IsAllWhitespace(Value);
}
