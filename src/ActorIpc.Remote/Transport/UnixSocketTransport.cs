using System.Net.Sockets;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The same-host transport: Unix domain sockets in the per-user runtime directory, socket files
/// of mode 0600, stale ones replaced and live ones never taken over, each removed when its
/// listener is disposed.
/// </summary>
internal sealed class UnixSocketTransport : ITransport
{
    // How long the probe of an existing socket file may take. A live listener whose backlog is
    // full answers slowly: when the probe times out the file counts as live, never as stale.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly UnixTransportSettings _settings;
    private volatile bool _directoryChecked;

    /// <summary>Creates the transport; nothing touches the file system until the first listen or connect.</summary>
    /// <exception cref="TransportException">No directory is configured and the user id cannot be determined.</exception>
    public UnixSocketTransport(UnixTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The Unix socket transport needs Unix file modes; use actoripc.tcp on Windows.");
        }

        _settings = settings;
        RuntimeDirectory = UnixRuntimeDirectory.Resolve(settings.Directory);
    }

    /// <inheritdoc/>
    public string Scheme => TransportEndpoint.UnixScheme;

    /// <summary>The directory of named sockets (see <see cref="TransportEndpoint.UnixNamed"/>).</summary>
    public string RuntimeDirectory { get; }

    /// <summary>The endpoint of the socket called <paramref name="name"/> in <see cref="RuntimeDirectory"/>.</summary>
    public TransportEndpoint EndpointFor(string name) => TransportEndpoint.UnixNamed(RuntimeDirectory, name);

    /// <inheritdoc/>
    public async ValueTask<IConnectionListener> ListenAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        var path = RequireUnix(endpoint);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix socket files need Unix file modes.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        CheckDirectory(path, create: true);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new TransportException($"Cannot listen on {endpoint}: the directory {Path.GetDirectoryName(path)} does not exist.");
        }

        await RemoveStaleSocketAsync(endpoint, path, cancellationToken).ConfigureAwait(false);

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var bound = false;
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            bound = true;

            // bind() creates the file with the process's umask. Fix the mode before listen(): until
            // then a connect is refused, so nobody gets in through a looser mode in between.
            File.SetUnixFileMode(path, UnixRuntimeDirectory.SocketMode);
            var mode = File.GetUnixFileMode(path);
            if (mode != UnixRuntimeDirectory.SocketMode)
            {
                throw new TransportException($"The socket file {path} has mode {UnixRuntimeDirectory.Octal(mode)} after chmod 0600; refusing to listen on it.");
            }

            SocketSetup.Configure(socket, _settings.Connection);
            socket.Listen(_settings.Connection.Backlog);
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (bound)
            {
                DeleteSocketFile(path);
            }

            throw e switch
            {
                TransportException => e,
                SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
                    new TransportException($"Cannot listen on {endpoint}: another process created the socket file at the same moment.", e),
                SocketException or IOException or UnauthorizedAccessException =>
                    new TransportException($"Cannot listen on {endpoint}: {e.Message}", e),
                _ => e,
            };
        }

        var description = endpoint.ToString();
        return new SocketListener(socket, endpoint, _settings.Connection, _ => description, () => DeleteSocketFile(path));
    }

    /// <inheritdoc/>
    public async ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken)
    {
        var path = RequireUnix(endpoint);
        cancellationToken.ThrowIfCancellationRequested();

        // Dialing into a directory others can write would let them impersonate the peer.
        CheckDirectory(path, create: false);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await SocketSetup.ConnectAsync(socket, new UnixDomainSocketEndPoint(path), endpoint, _settings.Connection.ConnectTimeout, cancellationToken)
            .ConfigureAwait(false);
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

    private static string RequireUnix(TransportEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.SocketPath
            ?? throw new ArgumentException($"The Unix socket transport cannot serve {endpoint}; it needs a unix: endpoint.", nameof(endpoint));
    }

    // A socket file is left behind when its process dies. Connecting tells the cases apart:
    // refused means stale, accepted means alive.
    private async ValueTask RemoveStaleSocketAsync(TransportEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists && file.LinkTarget is null)
        {
            return;
        }

        // .NET cannot tell a socket from other files; a socket has no content, so anything with
        // content is certainly not one and is never deleted.
        if (file.Exists && file.Length > 0)
        {
            throw new TransportException($"Cannot listen on {endpoint}: a file that is not a socket exists there; remove it or choose another name.");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ProbeTimeout);
        try
        {
            await probe.ConnectAsync(new UnixDomainSocketEndPoint(path), deadline.Token).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            DeleteSocketFile(path);
            return;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            // Gone between the check and the probe.
            return;
        }
        catch (SocketException e)
        {
            throw new TransportException($"Cannot listen on {endpoint}: probing the existing socket file failed: {e.Message}", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Too slow to answer is still alive: fall through.
        }

        throw new TransportException(
            $"Cannot listen on {endpoint}: another process is listening on {path}. Stop it or choose another name; a live socket is never taken over.");
    }

    private static void DeleteSocketFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file left behind is stale and the next listener replaces it.
        }
    }

    private void CheckDirectory(string socketPath, bool create)
    {
        var directory = Path.GetDirectoryName(socketPath);
        if (_directoryChecked || !string.Equals(directory, RuntimeDirectory, StringComparison.Ordinal))
        {
            // Sockets outside the runtime directory live where their owner put them; theirs to secure.
            return;
        }

        if (!create && !Directory.Exists(directory))
        {
            // The connect fails with "no socket file"; nothing to secure yet.
            return;
        }

        UnixRuntimeDirectory.EnsureSecure(RuntimeDirectory);
        _directoryChecked = true;
    }
}
