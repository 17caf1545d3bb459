namespace ActorIpc;

/// <summary>
/// A published object's answer to a call: the method's result, <see langword="null"/> for one
/// without (a message cannot be <see langword="null"/>, so it travels in this wrapper). The
/// publisher encodes it before it replies to another process (<see cref="Payload"/>), so that a
/// result its configuration does not allow is refused there with a reason instead of never arriving.
/// </summary>
/// <param name="Value">The result.</param>
/// <param name="Payload">The result as <see cref="PublishedObjectSerializer"/> writes it, when it goes to another process.</param>
/// <param name="Error">Why the result did not deserialize where it arrived (a type not allowed there); the proxy throws it instead of a timeout.</param>
internal sealed record PublishedObjectResult(object? Value, byte[]? Payload = null, Exception? Error = null)
{
    /// <summary>The answer to a call whose method has no result.</summary>
    public static PublishedObjectResult Done { get; } = new((object?)null);
}
