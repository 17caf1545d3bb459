using System.IO.Pipelines;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// One open byte stream to a peer. Bytes flushed to <see cref="Output"/> arrive in order on the
/// peer's <see cref="Input"/>. A read of <see cref="Input"/> continues on the thread that received
/// the bytes (the connection's own read thread, or the one its receive completed on), and a
/// flush of <see cref="Output"/> may send on the flushing thread: a consumer must not block in
/// those continuations.
/// </summary>
internal interface ITransportConnection : IAsyncDisposable
{
    /// <summary>
    /// The bytes received from the peer. Completes when the peer closes its side; throws a
    /// <see cref="TransportException"/> when the connection was reset or aborted.
    /// </summary>
    PipeReader Input { get; }

    /// <summary>
    /// The bytes to send. Write many frames, then flush once: each flush is at most one system
    /// call for what fits in the socket. A flush throws a <see cref="TransportException"/> once the
    /// connection is lost, and returns a completed result after the connection was disposed.
    /// </summary>
    PipeWriter Output { get; }

    /// <summary>The peer, for logs: <c>unix:/run/user/1000/actoripc/worker.sock</c> or <c>tcp:127.0.0.1:5123</c>.</summary>
    string RemoteDescription { get; }

    /// <summary>
    /// Closes the connection at once, dropping unsent bytes; the peer sees a reset or end of
    /// stream, and this side's pending and later reads and flushes fail with a
    /// <see cref="TransportException"/> carrying <paramref name="reason"/>. Idempotent.
    /// </summary>
    /// <param name="reason">Why, for the exception and logs; may be <see langword="null"/>.</param>
    void Abort(Exception? reason = null);
}
