using System.Net.Sockets;

namespace ActorIpc.Remote.Transport;

/// <summary>What the socket transports do alike: options, closing, dialing with a timeout, and wording failures.</summary>
internal static class SocketSetup
{
    /// <summary>Applies buffer sizes and, for TCP, TCP_NODELAY.</summary>
    public static void Configure(Socket socket, ConnectionSettings settings)
    {
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            // Frames are batched by the writer; Nagle's algorithm would only delay the last one.
            socket.NoDelay = true;
        }

        if (settings.SocketSendBufferSize > 0)
        {
            socket.SendBufferSize = settings.SocketSendBufferSize;
        }

        if (settings.SocketReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = settings.SocketReceiveBufferSize;
        }
    }

    /// <summary>Closes the socket; with <paramref name="abort"/> a TCP peer gets a reset instead of a FIN.</summary>
    public static void Close(Socket socket, bool abort)
    {
        if (abort && socket.ProtocolType == ProtocolType.Tcp)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already closed or reset: nothing left to abort.
            }
        }

        socket.Dispose();
    }

    /// <summary>
    /// Connects <paramref name="socket"/> within <paramref name="timeout"/>. A timeout and a refusal
    /// become a <see cref="TransportException"/> naming <paramref name="endpoint"/>; the caller's
    /// cancellation stays an <see cref="OperationCanceledException"/>. The socket is disposed on failure.
    /// </summary>
    public static async ValueTask ConnectAsync(Socket socket, System.Net.EndPoint target, TransportEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // A blocking connect, on a pool thread: a socket that never runs an asynchronous
            // operation stays out of the runtime's event loop (see SocketConnection). Closing the
            // socket ends a connect that outlives the deadline.
            using (deadline.Token.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
            {
                await Task.Run(() => socket.Connect(target), CancellationToken.None).ConfigureAwait(false);
            }

            deadline.Token.ThrowIfCancellationRequested();
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TransportException($"Connecting to {endpoint} timed out after {timeout.TotalMilliseconds:0} ms (connect-timeout).");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException($"Cannot connect to {endpoint}: {DescribeConnectError(endpoint, e)}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Words a failed receive or send: reset, aborted, or another socket error.</summary>
    public static TransportException DescribeFailure(string remote, string operation, Exception exception)
    {
        var socketError = exception as SocketException ?? exception.InnerException as SocketException;
        var what = socketError?.SocketErrorCode switch
        {
            SocketError.ConnectionReset => "the peer reset the connection",
            SocketError.ConnectionAborted => "the connection was aborted",
            SocketError.Shutdown or SocketError.NotConnected => "the connection is closed",
            SocketError.TimedOut => "the connection timed out",
            _ => exception.Message,
        };
        return new TransportException($"The connection {remote} failed in {operation}: {what}.", exception);
    }

    private static string DescribeConnectError(TransportEndpoint endpoint, SocketException e) => (endpoint.IsUnix, e.SocketErrorCode) switch
    {
        (true, SocketError.AddressNotAvailable) => "no socket file exists there, so nothing listens",
        (true, SocketError.ConnectionRefused) => "the socket file is stale (nothing listens on it) or is not a socket",
        (true, SocketError.AccessDenied) => "permission denied (the socket belongs to another user?)",
        (false, SocketError.ConnectionRefused) => "connection refused (nothing listens on that port)",
        (false, SocketError.HostNotFound or SocketError.NoData) => "the host name does not resolve",
        (false, SocketError.NetworkUnreachable or SocketError.HostUnreachable) => "the host is unreachable",
        _ => e.Message,
    };
}
