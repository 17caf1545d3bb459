namespace ActorIpc.Serialization;

/// <summary>
/// A value read from ActorIpc's exception format: what it decoded to (a <see cref="WireEnum"/> for
/// an enum, an <see cref="ExceptionRecord"/> for an exception) and its text on the sending side.
/// </summary>
/// <param name="Value">The decoded value; meaningful when <paramref name="IsAvailable"/>.</param>
/// <param name="Text">The value's text on the sending side; <see langword="null"/> for <see langword="null"/>.</param>
/// <param name="IsAvailable">Whether the value could be decoded (otherwise only its text arrived, or its bytes did not deserialize here).</param>
internal sealed record WireValue(object? Value, string? Text, bool IsAvailable)
{
    /// <summary>The <see langword="null"/> value.</summary>
    public static WireValue Null { get; } = new(null, null, true);

    /// <summary>A decoded value with its text.</summary>
    /// <param name="value">The value.</param>
    /// <param name="text">Its text.</param>
    /// <returns>The available value.</returns>
    public static WireValue Of(object? value, string? text) => new(value, text, true);

    /// <summary>A value of which only the text is known.</summary>
    /// <param name="text">Its text.</param>
    /// <returns>The unavailable value.</returns>
    public static WireValue TextOnly(string? text) => new(null, text, false);
}
