using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;

namespace ActorIpc.Remote.Transport;

/// <summary>A connection over an authenticated <see cref="SslStream"/> on a TCP socket.</summary>
internal sealed class SslStreamConnection : PipeConnection
{
    private readonly SslStream _stream;
    private readonly Socket _socket;

    private SslStreamConnection(SslStream stream, Socket socket, string remoteDescription, ConnectionSettings settings)
        : base(remoteDescription, settings)
    {
        _stream = stream;
        _socket = socket;
    }

    /// <summary>Wraps an authenticated stream and starts the loops; the connection owns the stream and the socket.</summary>
    public static SslStreamConnection Start(SslStream stream, Socket socket, string remoteDescription, ConnectionSettings settings)
    {
        var connection = new SslStreamConnection(stream, socket, remoteDescription, settings);
        connection.Start();
        return connection;
    }

    /// <inheritdoc/>
    protected override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _stream.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    protected override async ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        // SslStream turns each write into TLS records of up to 16 KiB; the pipe's segments are
        // larger than that, so writing them one by one costs nothing over copying them together.
        foreach (var segment in buffer)
        {
            await _stream.WriteAsync(segment).ConfigureAwait(false);
        }

        await _stream.FlushAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async ValueTask ShutdownSendAsync()
    {
        // close_notify first, so the peer knows the end is genuine and not a truncation.
        await _stream.ShutdownAsync().ConfigureAwait(false);
        _socket.Shutdown(SocketShutdown.Send);
    }

    /// <inheritdoc/>
    protected override void CloseTransport(bool abort) => SocketSetup.Close(_socket, abort);

    /// <inheritdoc/>
    protected override void ReleaseResources() => _stream.Dispose();

    /// <inheritdoc/>
    protected override TransportException DescribeFailure(string operation, Exception exception) =>
        exception is System.Security.Authentication.AuthenticationException
            ? new TransportException($"The connection {RemoteDescription} failed in {operation}: the peer rejected the TLS session: {exception.Message}", exception)
            : SocketSetup.DescribeFailure(RemoteDescription, operation, exception);
}
