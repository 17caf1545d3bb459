namespace ActorIpc.Remote.Transport;

/// <summary>
/// A way for actor systems to reach each other: listens for and dials byte-stream connections.
/// One instance per scheme and actor system; its listeners and connections belong to the caller
/// and are disposed by it.
/// </summary>
internal interface ITransport : IAsyncDisposable
{
    /// <summary>The address protocol this transport serves: <c>actoripc.unix</c>, <c>actoripc.tcp</c> or <c>actoripc.tls</c>.</summary>
    string Scheme { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">Where to listen; a TCP port of 0 picks a free port.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A listener whose <see cref="IConnectionListener.Endpoint"/> is the endpoint actually bound.</returns>
    /// <exception cref="TransportException">The endpoint cannot be bound; the message names it and why.</exception>
    ValueTask<IConnectionListener> ListenAsync(TransportEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>Dials <paramref name="endpoint"/>, within the configured connect (and handshake) timeout.</summary>
    /// <param name="endpoint">The peer to reach.</param>
    /// <param name="cancellationToken">Cancels the attempt; reported as <see cref="OperationCanceledException"/>, never as a timeout.</param>
    /// <returns>An open connection.</returns>
    /// <exception cref="TransportException">Nothing listens there, the attempt timed out, or the peer was not trusted.</exception>
    ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken);
}
