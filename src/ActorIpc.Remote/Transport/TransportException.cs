namespace ActorIpc.Remote.Transport;

/// <summary>
/// A transport failed: an endpoint that cannot be bound or reached, a connection reset or aborted,
/// a TLS certificate that cannot be loaded or is not trusted, or an unsafe socket directory. The
/// message names the endpoint, file or config path involved; the cause is the inner exception.
/// </summary>
internal sealed class TransportException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the endpoint, file or config path.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public TransportException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
