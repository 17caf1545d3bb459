using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Accepts TCP connections and runs their TLS handshakes in the background, so one slow or hostile
/// client cannot hold up the others; <see cref="AcceptAsync"/> hands out only connections whose
/// handshake succeeded. A failed handshake is logged with its reason and closed.
/// </summary>
internal sealed class TlsListener : IConnectionListener
{
    // After an accept error such as EMFILE, pause before retrying rather than spin.
    private static readonly TimeSpan AcceptRetryPause = TimeSpan.FromMilliseconds(100);

    private readonly SocketListener _tcp;
    private readonly Func<Socket, CancellationToken, Task<ITransportConnection>> _handshake;
    private readonly ILogger _logger;
    private readonly Channel<ITransportConnection> _ready = Channel.CreateUnbounded<ITransportConnection>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _handshakes;
    private readonly TaskCompletionSource _handshakesDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <summary>Starts accepting on <paramref name="tcp"/>.</summary>
    /// <param name="tcp">The listening TCP socket; owned by this listener.</param>
    /// <param name="handshake">Authenticates an accepted socket (disposing it on failure, throwing a <see cref="TransportException"/> with the reason).</param>
    /// <param name="logger">Where failed handshakes are reported.</param>
    public TlsListener(SocketListener tcp, Func<Socket, CancellationToken, Task<ITransportConnection>> handshake, ILogger logger)
    {
        _tcp = tcp;
        _handshake = handshake;
        _logger = logger;
        _handshakes = 1;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <inheritdoc/>
    public TransportEndpoint Endpoint => _tcp.Endpoint;

    /// <inheritdoc/>
    public async ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException($"The listener on {Endpoint} was disposed.", e);
        }
    }

    /// <summary>Stops listening, ends handshakes in progress and closes connections nobody accepted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _tcp.DisposeAsync().ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
        LeaveHandshake();
        await _handshakesDone.Task.ConfigureAwait(false);

        // Every handshake has ended, so nothing writes to the channel any more.
        _ready.Writer.TryComplete();
        while (_ready.Reader.TryRead(out var unclaimed))
        {
            await unclaimed.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>The listener's endpoint.</summary>
    public override string ToString() => Endpoint.ToString();

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _tcp.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (TransportException e)
            {
                TransportLog.AcceptFailed(_logger, Endpoint.ToString(), e);
                try
                {
                    await Task.Delay(AcceptRetryPause, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref _handshakes);
            _ = HandshakeAsync(socket);
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        var peer = TcpTransport.Describe("tls:", socket.RemoteEndPoint);
        try
        {
            var connection = await _handshake(socket, _stopping.Token).ConfigureAwait(false);
            if (!_ready.Writer.TryWrite(connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The listener is closing; the handshake's socket is already disposed.
        }
        catch (Exception e)
        {
            TransportLog.TlsHandshakeFailed(_logger, peer, Endpoint.ToString(), e.Message, e);
        }
        finally
        {
            LeaveHandshake();
        }
    }

    // _handshakes counts running handshakes plus one for the listener itself, so that it reaches 0
    // only once the listener is disposed and the last handshake has ended.
    private void LeaveHandshake()
    {
        if (Interlocked.Decrement(ref _handshakes) == 0)
        {
            _handshakesDone.TrySetResult();
        }
    }
}
