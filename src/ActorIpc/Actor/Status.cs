namespace ActorIpc;

/// <summary>Replies that carry the outcome of an operation: <see cref="Success"/> or <see cref="Failure"/>.</summary>
public abstract record Status
{
    private Status()
    {
    }

    /// <summary>The operation succeeded, with an optional result.</summary>
    /// <param name="Result">The result, if any.</param>
    public sealed record Success(object? Result) : Status;

    /// <summary>
    /// The operation failed. An <c>Ask</c> answered with a failure throws <see cref="Cause"/>
    /// itself, so the caller catches the original exception type.
    /// </summary>
    /// <param name="Cause">What went wrong.</param>
    public sealed record Failure(Exception Cause) : Status;
}
