using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorIpc.Remote.Transport;

/// <summary>The transport between hosts: plain TCP, TCP_NODELAY on.</summary>
internal sealed class TcpTransport : ITransport
{
    private readonly TcpTransportSettings _settings;

    /// <summary>Creates the transport.</summary>
    public TcpTransport(TcpTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <inheritdoc/>
    public string Scheme => TransportEndpoint.TcpScheme;

    /// <inheritdoc/>
    public async ValueTask<IConnectionListener> ListenAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        RequireScheme(endpoint, TransportEndpoint.TcpScheme);
        var (socket, bound) = await BindAsync(endpoint, _settings.Connection, cancellationToken).ConfigureAwait(false);
        return new SocketListener(socket, bound, _settings.Connection, s => Describe("tcp:", s.RemoteEndPoint));
    }

    /// <inheritdoc/>
    public async ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        RequireScheme(endpoint, TransportEndpoint.TcpScheme);
        var socket = await DialAsync(endpoint, _settings.Connection, cancellationToken).ConfigureAwait(false);
        try
        {
            return SocketConnection.Start(socket, endpoint.ToString(), _settings.Connection, dialed: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Nothing to release: listeners and connections belong to their callers.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Binds and listens on <paramref name="endpoint"/>; the returned endpoint carries the port actually bound.</summary>
    internal static async ValueTask<(Socket Socket, TransportEndpoint Bound)> BindAsync(TransportEndpoint endpoint, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var address = (await ResolveAsync(endpoint, cancellationToken).ConfigureAwait(false))[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Buffer sizes must be set before listen() to count in the window scale that accepted sockets inherit.
            SocketSetup.Configure(socket, settings);
            socket.Bind(new IPEndPoint(address, endpoint.Port));
            socket.Listen(settings.Backlog);
            return (socket, endpoint.WithPort(((IPEndPoint)socket.LocalEndPoint!).Port));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var reason = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the port is in use",
                SocketError.AddressNotAvailable => "the address is not one of this host's",
                SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
                _ => e.Message,
            };
            throw new TransportException($"Cannot listen on {endpoint}: {reason}.", e);
        }
    }

    /// <summary>
    /// Connects to the endpoint's addresses in turn within the connect timeout; the returned socket
    /// is configured (TCP_NODELAY, buffers).
    /// </summary>
    internal static async ValueTask<Socket> DialAsync(TransportEndpoint endpoint, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(endpoint, cancellationToken).ConfigureAwait(false);
        TransportException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            SocketSetup.Configure(socket, settings);
            try
            {
                await SocketSetup.ConnectAsync(socket, new IPEndPoint(address, endpoint.Port), endpoint, settings.ConnectTimeout, cancellationToken)
                    .ConfigureAwait(false);
                return socket;
            }
            catch (TransportException e)
            {
                last = e;
            }
        }

        throw last!;
    }

    /// <summary><c>tcp:ip:port</c> of a socket's peer, for logs.</summary>
    internal static string Describe(string prefix, EndPoint? remote) => remote switch
    {
        IPEndPoint { Address.AddressFamily: AddressFamily.InterNetworkV6 } ip => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{ip.Address}]:{ip.Port}"),
        IPEndPoint ip => string.Create(CultureInfo.InvariantCulture, $"{prefix}{ip.Address}:{ip.Port}"),
        _ => prefix + "?",
    };

    internal static void RequireScheme(TransportEndpoint endpoint, string scheme)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme != scheme)
        {
            throw new ArgumentException($"The {scheme} transport cannot serve {endpoint}.", nameof(endpoint));
        }
    }

    private static async ValueTask<IPAddress[]> ResolveAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(endpoint.Host, out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(endpoint.Host!, cancellationToken).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                throw new TransportException($"The host of {endpoint} resolves to no address.");
            }

            // IPv4 first: "localhost" then means 127.0.0.1 for peers that only listen on IPv4.
            return [.. addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)];
        }
        catch (SocketException e)
        {
            throw new TransportException($"Cannot resolve the host of {endpoint}: {e.Message}", e);
        }
    }
}
