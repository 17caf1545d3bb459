namespace ActorIpc.TestNode.Errors;

/// <summary>A custom exception without the obsolete serialization constructor, with a property of its own.</summary>
public sealed class QuotaExceededException(string message) : Exception(message)
{
    /// <summary>An application error code.</summary>
    public int Code { get; init; }
}
