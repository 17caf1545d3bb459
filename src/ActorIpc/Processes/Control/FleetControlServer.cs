using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;

namespace ActorIpc;

/// <summary>
/// Serves the control socket of a node's <see cref="Fleet"/>, so that <c>actoripc status</c>,
/// <c>logs</c>, <c>restart</c>, <c>stop</c> and <c>invoke</c>, or a <see cref="FleetControlClient"/>,
/// can inspect and drive it from another process: a Unix domain socket <c>NAME.sock</c>, mode 0600,
/// in this user's directory (<c>$XDG_RUNTIME_DIR/actoripc</c>, else <c>/tmp/actoripc-UID</c>),
/// mode 0700. One server per name runs at a time; a socket file left by a server that was killed is
/// replaced. The server ends, and removes its socket, when disposed or when the node's actor system
/// terminates. A <c>stop</c> request stops the fleet in order and then shuts the node down (Akka's
/// coordinated shutdown); an <c>invoke</c> request calls a published object from this node
/// (<see cref="PublishedObjects.CallJsonAsync"/>).
/// </summary>
public sealed partial class FleetControlServer : IAsyncDisposable
{
    private const int Backlog = 16;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ActorSystem _system;
    private readonly Fleet _fleet;
    private readonly PublishedObjects _objects;
    private readonly ILoggingAdapter _log;
    private readonly FileStream _lock;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _sessions = [];
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;
    private int _disposing;

    private FleetControlServer(ActorSystem system, string name, string socketPath, FileStream held, Socket listener)
    {
        _system = system;
        _fleet = Fleet.Get(system);
        _objects = PublishedObjects.Get(system);
        _log = Logging.GetLogger(system, typeof(FleetControlServer));
        _lock = held;
        _listener = listener;
        Name = name;
        SocketPath = socketPath;
        _accepting = Task.Run(AcceptAsync);
        system.RegisterOnTermination(() => _ = DisposeAsync().AsTask());
    }

    /// <summary>The fleet's name, which names the socket.</summary>
    public string Name { get; }

    /// <summary>The socket's path.</summary>
    public string SocketPath { get; }

    /// <summary>
    /// Serves the control socket of the fleet of <paramref name="system"/> (<see cref="Fleet.Get"/>),
    /// until disposed or until the system terminates.
    /// </summary>
    /// <param name="system">The node whose fleet to serve.</param>
    /// <param name="name">
    /// The fleet's name: the socket is <c>NAME.sock</c>. Not given: <c>actoripc.fleet.name</c>, else
    /// the actor system's name.
    /// </param>
    /// <param name="directory">The socket's directory; not given: this user's (see the class's summary).</param>
    /// <returns>The server, serving.</returns>
    /// <exception cref="ArgumentException">The name is not a fleet name (1 to 64 letters, digits, '-', '_' or '.'), or the socket's path is too long.</exception>
    /// <exception cref="FleetControlException">A fleet of that name is already running, or the socket cannot be served; the message says which.</exception>
    public static FleetControlServer Start(ActorSystem system, string? name = null, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        name ??= Fleet.Get(system).ConfiguredName ?? system.Name;
        var socketPath = ControlPaths.SocketPath(name, directory);
        ControlPaths.PrepareDirectory(Path.GetDirectoryName(socketPath)!);
        var held = Hold(name, socketPath);
        try
        {
            return new FleetControlServer(system, name, socketPath, held, Listen(name, socketPath));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Stops serving: closes the socket, removes its file, and ends the requests in progress (a <c>logs -f</c> is told the fleet stopped).</summary>
    /// <returns>A task that completes when every connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) == 0)
        {
            try
            {
                // The file goes before the lock is released, and both before the connections close:
                // a client that saw its connection close can start a fleet of the same name at once.
                _listener.Dispose();
                TryDelete(SocketPath);
                await _lock.DisposeAsync().ConfigureAwait(false);
                await _closing.CancelAsync().ConfigureAwait(false);
                await _accepting.ConfigureAwait(false);
                Task[] sessions;
                lock (_gate)
                {
                    sessions = [.. _sessions];
                }

                await Task.WhenAll(sessions).ConfigureAwait(false);
            }
            finally
            {
                _disposed.TrySetResult();
            }
        }

        await _disposed.Task.ConfigureAwait(false);
    }

    /// <summary>Whether something listens on the socket at <paramref name="socketPath"/>.</summary>
    internal static bool Answers(string socketPath)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes the name's lock file, held (an exclusive <c>flock</c>) while this server lives: two
    /// fleets that start at once under one name cannot both pass the check for a running one.
    /// The file stays; only the lock on it matters.
    /// </summary>
    private static FileStream Hold(string name, string socketPath)
    {
        if (OperatingSystem.IsWindows())
        {
            throw ControlPaths.NotOnWindows();
        }

        var lockPath = Path.ChangeExtension(socketPath, ControlPaths.LockExtension);
        try
        {
            return new FileStream(lockPath, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = OwnerReadWrite,
            });
        }
        catch (IOException e)
        {
            var how = Answers(socketPath) ? $"its socket {socketPath} answers" : $"its process holds {lockPath}";
            throw new FleetControlException(socketPath, $"a fleet named {name} is already running: {how}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FleetControlException(socketPath, $"cannot open {lockPath}: {e.Message}", e);
        }
    }

    private static Socket Listen(string name, string socketPath)
    {
        if (OperatingSystem.IsWindows())
        {
            throw ControlPaths.NotOnWindows();
        }

        if (File.Exists(socketPath))
        {
            if (Answers(socketPath))
            {
                throw new FleetControlException(socketPath, $"a fleet named {name} is already running: its socket {socketPath} answers");
            }

            // Left by a server that was killed: this one holds the name's lock now.
            TryDelete(socketPath);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(socketPath));

            // Before it listens: nobody connects in between, and the directory is 0700 anyway.
            File.SetUnixFileMode(socketPath, OwnerReadWrite);
            socket.Listen(Backlog);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new FleetControlException(socketPath, $"cannot serve the control socket {socketPath}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_closing.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || Volatile.Read(ref _disposing) != 0)
            {
                return;
            }
            catch (SocketException e)
            {
                _log.Warning("control socket {0}: a connection could not be accepted: {1}", SocketPath, e.Message);
                continue;
            }

            var session = Task.Run(() => ServeAsync(connection));
            lock (_gate)
            {
                _sessions.Add(session);
            }

            _ = session.ContinueWith(
                done =>
                {
                    lock (_gate)
                    {
                        _sessions.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
