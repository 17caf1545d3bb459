namespace ActorIpc.Remote.Transport;

/// <summary>A bound endpoint that hands out the connections peers open to it.</summary>
internal interface IConnectionListener : IAsyncDisposable
{
    /// <summary>The endpoint actually bound (with the real port when port 0 was asked for).</summary>
    TransportEndpoint Endpoint { get; }

    /// <summary>
    /// Waits for the next connection. A connection that fails before it is ready (a TLS handshake
    /// that fails, for example) is logged and dropped; it never ends the listener.
    /// </summary>
    /// <param name="cancellationToken">Cancels this wait only; the listener stays usable.</param>
    /// <returns>An open connection, owned by the caller.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The listener was disposed, before or during the wait.</exception>
    /// <exception cref="TransportException">The operating system refused to accept (for example: too many open files); worth retrying after a pause.</exception>
    ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken);
}
