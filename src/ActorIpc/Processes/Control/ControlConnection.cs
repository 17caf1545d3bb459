using System.Net.Sockets;

namespace ActorIpc;

/// <summary>A client's connection to a fleet's control socket, carrying one request and its responses.</summary>
internal sealed class ControlConnection : IAsyncDisposable
{
    private const string Peer = "the fleet";

    private readonly NetworkStream _stream;
    private readonly string _socketPath;

    private ControlConnection(NetworkStream stream, string socketPath)
    {
        _stream = stream;
        _socketPath = socketPath;
    }

    /// <summary>Connects to the socket of the fleet <paramref name="name"/> and sends <paramref name="request"/>.</summary>
    /// <exception cref="FleetNotRunningException">There is no socket, or nothing answers on it.</exception>
    /// <exception cref="FleetControlException">The socket cannot be reached for another reason.</exception>
    public static async Task<ControlConnection> OpenAsync(string name, string socketPath, ControlRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            throw new FleetNotRunningException(name, socketPath, $"no socket at {socketPath}");
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => new FleetNotRunningException(name, socketPath, $"nothing answers at {socketPath}: the process that served it ended without removing it", e),
                SocketError.AddressNotAvailable => new FleetNotRunningException(name, socketPath, $"no socket at {socketPath}", e),
                _ => new FleetControlException(socketPath, $"cannot connect to the control socket {socketPath}: {e.Message}", e),
            };
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new ControlConnection(new NetworkStream(socket, ownsSocket: true), socketPath);
        try
        {
            await ControlFrames.WriteAsync(connection._stream, socketPath, request, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new FleetControlException(socketPath, $"the fleet at {socketPath} closed the connection before it read the request: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next response; <see langword="null"/> when the fleet closed the connection.</summary>
    /// <exception cref="FleetControlException">The fleet answered with an error, or with a frame this end does not read.</exception>
    public async Task<ControlResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        ControlResponse? response;
        try
        {
            response = await ControlFrames.ReadAsync<ControlResponse>(_stream, _socketPath, Peer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // A connection reset: the fleet's process ended.
            return null;
        }

        if (response is { Type: ControlProtocol.Types.Error })
        {
            throw new FleetControlException(_socketPath, response.Code ?? ControlProtocol.Errors.Failed, response.Message ?? "the fleet refused the request without saying why");
        }

        return response;
    }

    /// <summary>The next response, which must be of type <paramref name="type"/>.</summary>
    /// <exception cref="FleetControlException">The fleet answered with an error or something else, or closed the connection.</exception>
    public async Task<ControlResponse> ExpectAsync(string type, CancellationToken cancellationToken)
    {
        var response = await ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new FleetControlException(_socketPath, $"the fleet at {_socketPath} closed the connection before it answered");
        return response.Type == type ? response : throw Unexpected(response);
    }

    /// <summary>A response of a type the request does not get.</summary>
    public FleetControlException Unexpected(ControlResponse response) =>
        new(_socketPath, ControlProtocol.Errors.Malformed, $"the fleet at {_socketPath} answered '{response.Type}', which this request does not expect");

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
