using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// TLS over TCP with <see cref="SslStream"/>: this node's certificate from configuration, peers
/// checked against a CA file or pinned thumbprints, optionally mutual, with a handshake timeout.
/// </summary>
/// <remarks>
/// With TLS 1.3 a client finishes its handshake before the server has checked the client's
/// certificate, so a client the server refuses learns it on its first read, not in
/// <see cref="ConnectAsync"/>; the server logs the reason.
/// </remarks>
internal sealed class TlsTransport : ITransport
{
    private readonly TcpTransportSettings _tcp;
    private readonly TlsTransportSettings _tls;
    private readonly ILogger _logger;
    private readonly X509Certificate2? _certificate;
    private readonly X509Certificate2Collection? _authorities;
    private readonly SslStreamCertificateContext? _context;
    private readonly TlsPeerValidator _validator;

    /// <summary>Creates the transport and loads the configured certificate files.</summary>
    /// <exception cref="TransportException">A configured file is missing or unreadable, or the password is wrong; the message names the file and the config path.</exception>
    public TlsTransport(TcpTransportSettings tcp, TlsTransportSettings tls, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(tls);
        _tcp = tcp;
        _tls = tls;
        _logger = logger ?? NullLogger.Instance;
        try
        {
            if (tls.Certificate.IsConfigured)
            {
                _certificate = TlsCertificates.LoadOwn(tls.Certificate);

                // offline: the chain of our own certificate is built from local stores only.
                _context = SslStreamCertificateContext.Create(_certificate, additionalCertificates: null, offline: true);
            }

            if (tls.CaCertificatePath is { } ca)
            {
                _authorities = TlsCertificates.LoadAuthorities(ca, TlsTransportSettings.Path + ".trust.ca-certificate-path");
            }
        }
        catch
        {
            _certificate?.Dispose();
            throw;
        }

        _validator = new TlsPeerValidator(_authorities, tls.Thumbprints, tls.CheckHostName);
    }

    /// <inheritdoc/>
    public string Scheme => TransportEndpoint.TlsScheme;

    /// <inheritdoc/>
    public async ValueTask<IConnectionListener> ListenAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        TcpTransport.RequireScheme(endpoint, TransportEndpoint.TlsScheme);
        if (_context is null)
        {
            throw new TransportException(
                $"Cannot listen on {endpoint}: a TLS listener needs a certificate; set {TlsTransportSettings.Path}.certificate.");
        }

        var (socket, bound) = await TcpTransport.BindAsync(endpoint, _tcp.Connection, cancellationToken).ConfigureAwait(false);
        var tcp = new SocketListener(socket, bound, _tcp.Connection, s => TcpTransport.Describe("tls:", s.RemoteEndPoint));
        return new TlsListener(tcp, AuthenticateAsServerAsync, _logger);
    }

    /// <inheritdoc/>
    public async ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        TcpTransport.RequireScheme(endpoint, TransportEndpoint.TlsScheme);
        var socket = await TcpTransport.DialAsync(endpoint, _tcp.Connection, cancellationToken).ConfigureAwait(false);
        var peer = endpoint.ToString();
        string? rejection = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = endpoint.Host,
            ClientCertificateContext = _context,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                rejection = _validator.Reject(certificate, chain, errors, isServer: true, peer);
                return rejection is null;
            },
        };
        return await AuthenticateAsync(
            socket,
            peer,
            (stream, token) => stream.AuthenticateAsClientAsync(options, token),
            () => rejection,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the loaded certificates; listeners and connections belong to their callers.</summary>
    public ValueTask DisposeAsync()
    {
        _certificate?.Dispose();
        if (_authorities is not null)
        {
            foreach (var authority in _authorities)
            {
                authority.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<ITransportConnection> AuthenticateAsServerAsync(Socket socket, CancellationToken stopping)
    {
        SocketSetup.Configure(socket, _tcp.Connection);
        var peer = TcpTransport.Describe("tls:", socket.RemoteEndPoint);
        string? rejection = null;
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _context,
            ClientCertificateRequired = _tls.RequireClientCertificate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
        };
        if (_tls.RequireClientCertificate)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                rejection = _validator.Reject(certificate, chain, errors, isServer: false, peer);
                return rejection is null;
            };
        }

        return await AuthenticateAsync(
            socket,
            peer,
            (stream, token) => stream.AuthenticateAsServerAsync(options, token),
            () => rejection,
            stopping).ConfigureAwait(false);
    }

    // Runs one side's handshake within the handshake timeout. The caller's cancellation stays an
    // OperationCanceledException; a timeout, an untrusted certificate or a broken handshake
    // becomes a TransportException that says which.
    private async Task<ITransportConnection> AuthenticateAsync(
        Socket socket,
        string peer,
        Func<SslStream, CancellationToken, Task> authenticate,
        Func<string?> rejection,
        CancellationToken cancellationToken)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_tls.HandshakeTimeout);
        try
        {
            await authenticate(stream, deadline.Token).ConfigureAwait(false);
            return SslStreamConnection.Start(stream, socket, peer, _tcp.Connection);
        }
        catch (Exception e)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw e switch
            {
                OperationCanceledException =>
                    new TransportException($"The TLS handshake with {peer} timed out after {_tls.HandshakeTimeout.TotalMilliseconds:0} ms (handshake-timeout)."),
                _ when rejection() is { } why => new TransportException($"TLS with {peer} refused: {why}.", e),
                _ => new TransportException($"The TLS handshake with {peer} failed: {e.Message}", e),
            };
        }
    }
}
