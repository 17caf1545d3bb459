namespace ActorIpc;

/// <summary>
/// The root of every exception ActorIpc throws on purpose. Catch this type to handle any
/// failure reported by the product; catch a subtype to handle one kind precisely.
/// </summary>
/// <remarks>It lives in the HOCON assembly because that is the lowest layer every other one depends on.</remarks>
public class ActorIpcException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ActorIpcException()
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong, written for the user.</param>
    public ActorIpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the failure that caused it.</summary>
    /// <param name="message">What went wrong, written for the user.</param>
    /// <param name="innerException">The underlying failure, or <see langword="null"/>.</param>
    public ActorIpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
