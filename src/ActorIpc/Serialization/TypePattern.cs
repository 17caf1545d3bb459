using System.Diagnostics.CodeAnalysis;

namespace ActorIpc.Serialization;

/// <summary>
/// One entry of an allow-list: a type's full name (<c>MyApp.Messages.Order</c>, a nested type as
/// <c>MyApp.Outer+Inner</c>, a generic type by its definition, <c>System.Collections.Generic.List`1</c>),
/// or a namespace followed by <c>.*</c>, which allows every type below it (its sub-namespaces and
/// nested types too).
/// </summary>
internal sealed class TypePattern
{
    private const string PrefixSuffix = ".*";

    private readonly string _match;
    private readonly bool _isPrefix;

    private TypePattern(string text, string match, bool isPrefix)
    {
        Text = text;
        _match = match;
        _isPrefix = isPrefix;
    }

    /// <summary>The pattern as configured.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="text"/> as a pattern, or says why it is not one.</summary>
    /// <param name="text">The configured entry.</param>
    /// <param name="pattern">The pattern, when valid.</param>
    /// <param name="reason">Why <paramref name="text"/> is not a pattern, when invalid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid pattern.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TypePattern? pattern, [NotNullWhen(false)] out string? reason)
    {
        pattern = null;
        reason = Validate(text);
        if (reason is not null)
        {
            return false;
        }

        var isPrefix = text!.EndsWith(PrefixSuffix, StringComparison.Ordinal);
        // A prefix keeps its dot, so that MyApp.* matches MyApp.Order but not MyAppX.Order.
        pattern = new TypePattern(text, isPrefix ? text[..^1] : text, isPrefix);
        return true;
    }

    /// <summary>Whether the pattern allows the type named <paramref name="name"/> (a full name without type arguments).</summary>
    /// <param name="name">For example <c>MyApp.Messages.Order</c> or <c>System.Collections.Generic.List`1</c>.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(string name) =>
        _isPrefix ? name.StartsWith(_match, StringComparison.Ordinal) : string.Equals(name, _match, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "an empty entry names no type; give a full type name (MyApp.Messages.Order) or a namespace followed by .* (MyApp.Messages.*)";
        }

        var name = text.EndsWith(PrefixSuffix, StringComparison.Ordinal) ? text[..^PrefixSuffix.Length] : text;
        if (name.Length == 0 || name == "*")
        {
            return $"'{text}' would allow every type, which defeats the allow-list; name a namespace (MyApp.Messages.*)";
        }

        if (name.Contains('*', StringComparison.Ordinal))
        {
            return $"'{text}': '*' is only allowed as a trailing '.*' (every type below a namespace, e.g. MyApp.Messages.*)";
        }

        if (name.IndexOfAny(['[', ']', ',', '<', '>', '&', '\\']) >= 0)
        {
            return $"'{text}' is not a full type name; give it without assembly or type arguments, a generic type by its definition (System.Collections.Generic.List`1)";
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return $"'{text}' contains whitespace; type names and namespaces have none";
        }

        if (name.Split('.', '+').Any(part => part.Length == 0))
        {
            return $"'{text}' is not a type or namespace name (an empty part between dots)";
        }

        return null;
    }
}
