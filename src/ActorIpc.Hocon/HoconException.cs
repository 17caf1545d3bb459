namespace ActorIpc.Hocon;

/// <summary>
/// Reports an invalid HOCON document, a substitution that cannot be resolved, or a config value
/// that is missing or has the wrong type. The message names the file, line, column and config path
/// involved so the user can fix the document.
/// </summary>
public sealed class HoconException : ActorIpcException
{
    /// <summary>Creates an exception whose message is <paramref name="reason"/> with no position.</summary>
    /// <param name="reason">What went wrong.</param>
    public HoconException(string reason)
        : this(reason, reason, null, 0, 0, null, null)
    {
    }

    /// <summary>Creates an exception with a message, a reason and the place in the document it concerns.</summary>
    /// <param name="message">The full message, usually the reason prefixed or suffixed with the position.</param>
    /// <param name="reason">The message without position information.</param>
    /// <param name="origin">The file or origin name, or <see langword="null"/> if unknown.</param>
    /// <param name="line">The 1-based line, or 0 if unknown.</param>
    /// <param name="column">The 1-based column, or 0 if unknown.</param>
    /// <param name="path">The config path concerned, or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying failure, or <see langword="null"/>.</param>
    public HoconException(string message, string reason, string? origin, int line, int column, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
        Origin = origin;
        Line = line;
        Column = column;
        Path = path;
    }

    /// <summary>The file path as the user gave it, or the origin name of a parsed string; <see langword="null"/> if unknown.</summary>
    public string? Origin { get; }

    /// <summary>The 1-based line of the problem, or 0 if unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 if unknown.</summary>
    public int Column { get; }

    /// <summary>The config path concerned (for example <c>actoripc.actor.ask-timeout</c>), if any.</summary>
    public string? Path { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }

    /// <summary>An error at a place in a document: the message is <c>origin:line:column: reason</c>.</summary>
    internal static HoconException At(in Position position, string reason, string? path = null, Exception? inner = null)
    {
        string message = position.IsKnown ? position.ToString() + ": " + reason : reason;
        return new HoconException(message, reason, position.Origin, position.Line, position.Column, path, inner);
    }
}
