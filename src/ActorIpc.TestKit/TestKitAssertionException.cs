namespace ActorIpc.TestKit;

/// <summary>
/// A TestKit expectation failed: a message did not arrive in time, an unexpected one arrived, a
/// block ran too long. The message names the expectation, what it waited for, what it got, from
/// whom, and the time involved.
/// </summary>
public sealed class TestKitAssertionException : ActorIpcException
{
    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What was expected and what happened instead.</param>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the given message and the failure that caused it.</summary>
    /// <param name="message">What was expected and what happened instead.</param>
    /// <param name="innerException">The underlying failure, or <see langword="null"/>.</param>
    public TestKitAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
