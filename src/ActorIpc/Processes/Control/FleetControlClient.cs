using System.Diagnostics;
using System.Runtime.CompilerServices;
using static ActorIpc.ControlProtocol;

namespace ActorIpc;

/// <summary>
/// Inspects and drives a running fleet through its control socket (served by
/// <see cref="FleetControlServer"/>, e.g. in <c>actoripc run</c>): its status, its replicas' logs, a
/// rolling restart, an ordered stop, and calls to its published objects. Each request opens a
/// connection of its own; the client holds nothing between requests.
/// </summary>
public sealed class FleetControlClient
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    /// <summary>A client of the fleet <paramref name="name"/>.</summary>
    /// <param name="name">The fleet's name, which names its socket.</param>
    /// <param name="directory">The socket's directory; not given: this user's (<c>$XDG_RUNTIME_DIR/actoripc</c>, else <c>/tmp/actoripc-UID</c>).</param>
    /// <exception cref="ArgumentException">The name is not a fleet name, or the socket's path is too long.</exception>
    public FleetControlClient(string name, string? directory = null)
    {
        SocketPath = ControlPaths.SocketPath(name, directory);
        Name = name;
    }

    /// <summary>This user's directory of control sockets: <c>$XDG_RUNTIME_DIR/actoripc</c>, else <c>/tmp/actoripc-UID</c>.</summary>
    public static string DefaultDirectory => ControlPaths.DefaultDirectory();

    /// <summary>The fleet's name.</summary>
    public string Name { get; }

    /// <summary>The fleet's control socket.</summary>
    public string SocketPath { get; }

    /// <summary>The names of the fleets whose control sockets answer in <paramref name="directory"/>, in order.</summary>
    /// <param name="directory">The sockets' directory; not given: this user's.</param>
    /// <returns>The names; empty when none runs.</returns>
    public static IReadOnlyList<string> FindRunning(string? directory = null)
    {
        directory ??= ControlPaths.DefaultDirectory();
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, "*" + ControlPaths.SocketExtension)
            .Where(FleetControlServer.Answers)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => ControlPaths.Refusal(name) is null)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The fleet's status now: every replica's state, process, restarts, memory and last exit.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The status.</returns>
    /// <exception cref="FleetNotRunningException">No fleet of this name is running.</exception>
    /// <exception cref="FleetControlException">The fleet could not answer, or speaks another version of the protocol.</exception>
    public async Task<FleetStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(new ControlRequest { Op = Ops.Status }, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return StatusOf(connection, await connection.ExpectAsync(Types.Status, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// The last lines of the replicas' logs, as the fleet prefixes them (<see cref="ProcessLogLine.ToString"/>),
    /// oldest first; following, every new line after them until <paramref name="cancellationToken"/>
    /// is cancelled or the fleet stops.
    /// </summary>
    /// <param name="process">The process whose replicas' lines to read; <see langword="null"/>: every process's.</param>
    /// <param name="replica">One replica's lines; <see langword="null"/>: every replica's.</param>
    /// <param name="last">How many of each replica's last lines.</param>
    /// <param name="follow">Whether to go on with each new line.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="FleetNotRunningException">No fleet of this name is running.</exception>
    /// <exception cref="FleetControlException">The topology has no such process or replica, or the fleet could not answer.</exception>
    public async IAsyncEnumerable<ProcessLogLine> GetLogsAsync(
        string? process = null,
        int? replica = null,
        int last = 20,
        bool follow = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ControlRequest { Op = Ops.Logs, Name = process, Replica = replica, Last = last, Follow = follow };
        var connection = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (await connection.ReadAsync(cancellationToken).ConfigureAwait(false) is { } response)
            {
                switch (response.Type)
                {
                    case Types.End:
                        yield break;
                    case Types.Line when response.Line is { } line:
                        yield return line;
                        break;
                    default:
                        throw connection.Unexpected(response);
                }
            }

            // Closed without an end: the fleet's process ended, which ends a follower too.
            if (!follow)
            {
                throw new FleetControlException(SocketPath, $"the fleet at {SocketPath} closed the connection before the last line");
            }
        }
    }

    /// <summary>
    /// Restarts the replicas of <paramref name="process"/> one at a time, each ready again before the
    /// next stops (<see cref="Fleet.RestartAsync"/>), and completes when the last one is ready.
    /// </summary>
    /// <param name="process">The process's name in the topology.</param>
    /// <param name="cancellationToken">Stops waiting; the restart goes on.</param>
    /// <returns>The fleet's status once restarted.</returns>
    /// <exception cref="FleetNotRunningException">No fleet of this name is running.</exception>
    /// <exception cref="FleetControlException">The topology has no such process, or a replica failed to start again; the message says which.</exception>
    public async Task<FleetStatus> RestartAsync(string process, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(process);
        var connection = await OpenAsync(new ControlRequest { Op = Ops.Restart, Name = process }, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return StatusOf(connection, await connection.ExpectAsync(Types.Status, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Stops the fleet in order (<see cref="Fleet.StopAsync"/>) and then its node, and completes when
    /// the node has ended and, within a few seconds more, its process.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the stop goes on.</param>
    /// <returns>A task that completes when the fleet's process has stopped.</returns>
    /// <exception cref="FleetNotRunningException">No fleet of this name is running.</exception>
    /// <exception cref="FleetControlException">The fleet could not stop; the message says why.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        int? processId;
        var connection = await OpenAsync(new ControlRequest { Op = Ops.Stop }, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            processId = (await connection.ExpectAsync(Types.Stopping, cancellationToken).ConfigureAwait(false)).ProcessId;
            await connection.ExpectAsync(Types.Stopped, cancellationToken).ConfigureAwait(false);

            // The server closes the connection when the node has ended.
            while (await connection.ReadAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
            }
        }

        if (processId is { } pid && pid != Environment.ProcessId)
        {
            await WaitForExitAsync(pid, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Calls a method of an object published in the fleet's cluster, with JSON arguments, from the
    /// fleet's process (as <c>actoripc invoke</c> does).
    /// </summary>
    /// <param name="name">The published object's name.</param>
    /// <param name="method">The method's name.</param>
    /// <param name="arguments">The arguments: a JSON array, as text.</param>
    /// <param name="service">The service interface, when the name publishes several.</param>
    /// <param name="timeout">The call's timeout; not given: the fleet's default for the call.</param>
    /// <param name="cancellationToken">Stops waiting; the fleet's call ends by its timeout.</param>
    /// <returns>The result, as JSON text.</returns>
    /// <exception cref="FleetNotRunningException">No fleet of this name is running.</exception>
    /// <exception cref="FleetControlException">The call failed or was refused; the message is the fleet's (the callee's exception type and message, a timeout, bad arguments).</exception>
    public async Task<string> InvokeAsync(string name, string method, string arguments, string? service = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new ControlRequest
        {
            Op = Ops.Invoke,
            Name = name,
            Method = method,
            Arguments = arguments,
            Service = service,
            TimeoutMs = timeout is { } t ? (long)Math.Ceiling(t.TotalMilliseconds) : null,
        };
        var connection = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var response = await connection.ExpectAsync(Types.Result, cancellationToken).ConfigureAwait(false);
            return response.Result ?? throw connection.Unexpected(response);
        }
    }

    private static FleetStatus StatusOf(ControlConnection connection, ControlResponse response) =>
        response.Status ?? throw connection.Unexpected(response);

    /// <summary>Waits for the fleet's process to end, for a few seconds at most: an application may live on after its node.</summary>
    private static async Task WaitForExitAsync(int processId, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (process)
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(ExitGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private Task<ControlConnection> OpenAsync(ControlRequest request, CancellationToken cancellationToken) =>
        ControlConnection.OpenAsync(Name, SocketPath, request, cancellationToken);
}
