using System.Net.Sockets;

namespace ActorIpc.Remote.Transport;

/// <summary>A listening socket (Unix domain or TCP) whose accepted sockets become <see cref="SocketConnection"/>s.</summary>
internal sealed class SocketListener : IConnectionListener
{
    private readonly Socket _socket;
    private readonly ConnectionSettings _settings;
    private readonly Func<Socket, string> _describePeer;
    private readonly Action? _afterClose;
    private int _disposed;

    /// <summary>Takes ownership of a bound, listening socket.</summary>
    /// <param name="socket">The listening socket.</param>
    /// <param name="endpoint">The endpoint it is bound to.</param>
    /// <param name="settings">Applied to every accepted connection.</param>
    /// <param name="describePeer">Names an accepted socket's peer for logs.</param>
    /// <param name="afterClose">Runs once after the socket is closed (removes a Unix socket file).</param>
    public SocketListener(Socket socket, TransportEndpoint endpoint, ConnectionSettings settings, Func<Socket, string> describePeer, Action? afterClose = null)
    {
        _socket = socket;
        Endpoint = endpoint;
        _settings = settings;
        _describePeer = describePeer;
        _afterClose = afterClose;
    }

    /// <inheritdoc/>
    public TransportEndpoint Endpoint { get; }

    /// <inheritdoc/>
    public async ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        var socket = await AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return SocketConnection.Start(socket, _describePeer(socket), _settings, dialed: false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Accepts the next socket, with the exceptions <see cref="IConnectionListener.AcceptAsync"/> documents.</summary>
    internal async ValueTask<Socket> AcceptSocketAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is SocketException or ObjectDisposedException) && Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException($"The listener on {Endpoint} was disposed.", e);
        }
        catch (SocketException e)
        {
            throw new TransportException($"Accepting a connection on {Endpoint} failed: {e.Message}", e);
        }
    }

    /// <summary>Stops listening; pending and later accepts throw <see cref="ObjectDisposedException"/>. Connections already accepted stay open.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
            _afterClose?.Invoke();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The listener's endpoint.</summary>
    public override string ToString() => Endpoint.ToString();
}
