using System.Net.Sockets;
using ActorIpc.Serialization;
using Akka.Actor;
using Akka.Event;
using static ActorIpc.ControlProtocol;

namespace ActorIpc;

/// <summary>The requests of the control protocol, one per connection.</summary>
public sealed partial class FleetControlServer
{
    /// <summary>How long a connection has to send its request.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a refused client has to read why before its connection is closed.</summary>
    private static readonly TimeSpan LingerTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The last lines of each replica a <c>logs</c> request gets when it does not say how many.</summary>
    private const int DefaultLastLines = 20;

    private readonly Lock _stopGate = new();
    private Task? _stop;

    private async Task ServeAsync(Socket connection)
    {
        var stream = new NetworkStream(connection, ownsSocket: true);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        Task? watcher = null;
        try
        {
            var request = await ReadRequestAsync(stream, session.Token).ConfigureAwait(false);
            if (request is not null)
            {
                watcher = WatchCloseAsync(stream, session);
                await HandleAsync(request, stream, session.Token).ConfigureAwait(false);
            }
        }
        catch (FleetControlException e)
        {
            await TrySendAsync(stream, ControlResponse.Failure(e.Code, e.Message)).ConfigureAwait(false);
            if (watcher is null)
            {
                await LingerAsync(connection, stream).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, or this server is closing.
        }
        catch (Exception e)
        {
            _log.Error(e, "control socket {0}: a request failed", SocketPath);
            await TrySendAsync(stream, ControlResponse.Failure(Errors.Failed, $"the fleet failed to answer: {e.GetType().Name}: {e.Message}")).ConfigureAwait(false);
        }
        finally
        {
            // Closing the stream ends the watcher's read.
            await stream.DisposeAsync().ConfigureAwait(false);
            if (watcher is not null)
            {
                await watcher.ConfigureAwait(false);
            }
        }
    }

    private async Task<ControlRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RequestTimeout);
        try
        {
            return await ControlFrames.ReadAsync<ControlRequest>(stream, SocketPath, "the client", deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FleetControlException(SocketPath, Errors.Malformed, $"no request within {RequestTimeout.TotalSeconds:0} s of connecting");
        }
    }

    /// <summary>
    /// Lets a client whose request was refused unread read why: closing a socket with input left
    /// unread resets the connection, and the client would lose the answer. Ends writing, then reads
    /// what is left until the client closes, for a second at most.
    /// </summary>
    private static async Task LingerAsync(Socket connection, Stream stream)
    {
        try
        {
            connection.Shutdown(SocketShutdown.Send);
            using var limit = new CancellationTokenSource(LingerTimeout);
            var discarded = new byte[4096];
            while (await stream.ReadAsync(discarded, limit.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Cancels the request when the client closes its end (or sends more than its one request):
    /// what it asked for is no longer awaited, and a <c>logs -f</c> ends.
    /// </summary>
    private static async Task WatchCloseAsync(Stream stream, CancellationTokenSource session)
    {
        try
        {
            await stream.ReadAsync(new byte[1], session.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        try
        {
            await session.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private Task HandleAsync(ControlRequest request, Stream stream, CancellationToken cancellationToken) => request.Op switch
    {
        Ops.Status => SendAsync(stream, StatusResponse(), cancellationToken).AsTask(),
        Ops.Logs => LogsAsync(request, stream, cancellationToken),
        Ops.Restart => RestartAsync(request, stream, cancellationToken),
        Ops.Stop => StopAsync(stream, cancellationToken),
        Ops.Invoke => InvokeAsync(request, stream, cancellationToken),
        null => Refuse(Errors.BadRequest, $"the request names no op (one of {string.Join(", ", Ops.All)})"),
        _ => Refuse(Errors.UnknownRequest, $"'{request.Op}' is not a request of the fleet control protocol (known: {string.Join(", ", Ops.All)})"),
    };

    private async Task LogsAsync(ControlRequest request, Stream stream, CancellationToken cancellationToken)
    {
        var name = request.Name;
        if (name is not null && _fleet.UnknownProcess(name) is { } unknown)
        {
            throw new FleetControlException(SocketPath, Errors.UnknownProcess, unknown);
        }

        var replicas = _fleet.Status.Replicas.Where(r => (name is null || r.Name == name) && (request.Replica is null || r.Replica == request.Replica)).ToArray();
        if (request.Replica is { } replica && replicas.Length == 0)
        {
            throw new FleetControlException(SocketPath, Errors.UnknownProcess, $"the topology has no replica {replica} of {name ?? "any process"}");
        }

        var last = Math.Max(0, request.Last ?? DefaultLastLines);
        if (!request.Follow)
        {
            foreach (var line in replicas.SelectMany(r => _fleet.LastLines(r.Name, r.Replica, last)).OrderBy(l => l.At))
            {
                await SendAsync(stream, new ControlResponse { Type = Types.Line, Line = line }, cancellationToken).ConfigureAwait(false);
            }

            await SendAsync(stream, new ControlResponse { Type = Types.End }, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await foreach (var line in _fleet.FollowLogsAsync(name, last, cancellationToken).ConfigureAwait(false))
            {
                if (request.Replica is null || line.Replica == request.Replica)
                {
                    await SendAsync(stream, new ControlResponse { Type = Types.Line, Line = line }, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            await TrySendAsync(stream, new ControlResponse { Type = Types.End, Message = $"the fleet {Name} stopped" }).ConfigureAwait(false);
        }
    }

    private async Task RestartAsync(ControlRequest request, Stream stream, CancellationToken cancellationToken)
    {
        if (request.Name is not { } name)
        {
            throw new FleetControlException(SocketPath, Errors.BadRequest, "restart names the process to restart");
        }

        if (_fleet.UnknownProcess(name) is { } unknown)
        {
            throw new FleetControlException(SocketPath, Errors.UnknownProcess, unknown);
        }

        try
        {
            await _fleet.RestartAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ReplicaFailedException or InvalidOperationException)
        {
            throw new FleetControlException(SocketPath, Errors.Failed, e.Message, e);
        }

        await SendAsync(stream, StatusResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the fleet in order, then shuts the node down; the connection stays open until this
    /// server closes, with the node, so that the client knows when it has ended.
    /// </summary>
    private async Task StopAsync(Stream stream, CancellationToken cancellationToken)
    {
        await SendAsync(stream, new ControlResponse { Type = Types.Stopping, ProcessId = Environment.ProcessId }, cancellationToken).ConfigureAwait(false);
        Task stop;
        lock (_stopGate)
        {
            // Once, whoever asks and whether or not they wait for it.
            stop = _stop ??= StopFleetAndNodeAsync();
        }

        await stop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(stream, new ControlResponse { Type = Types.Stopped }, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }

    private async Task StopFleetAndNodeAsync()
    {
        await _fleet.StopAsync(_closing.Token).ConfigureAwait(false);
        _ = CoordinatedShutdown.Get(_system).Run(ControlStopReason.Instance);
    }

    private async Task InvokeAsync(ControlRequest request, Stream stream, CancellationToken cancellationToken)
    {
        if (request.Name is not { } name || request.Method is not { } method)
        {
            throw new FleetControlException(SocketPath, Errors.BadRequest, "invoke names the published object and the method");
        }

        if (request.TimeoutMs is <= 0)
        {
            throw new FleetControlException(SocketPath, Errors.BadRequest, $"a call's timeout is positive, not {request.TimeoutMs} ms");
        }

        string result;
        try
        {
            var timeout = request.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
            result = await _objects.CallJsonAsync(name, method, request.Arguments ?? "[]", request.Service, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new FleetControlException(SocketPath, Errors.BadRequest, WithoutParameter(e), e);
        }
        catch (RemoteException e)
        {
            // Its message is already the remote type and message.
            throw new FleetControlException(SocketPath, Errors.CallFailed, e.Message, e);
        }
        catch (ActorIpcException e)
        {
            // JsonCallRefusedException, or an InvocationException: no publisher, no answer in time, its process gone.
            throw new FleetControlException(SocketPath, Errors.CallFailed, $"{e.GetType().Name}: {e.Message}", e);
        }

        await SendAsync(stream, new ControlResponse { Type = Types.Result, Result = result }, cancellationToken).ConfigureAwait(false);
    }

    private ControlResponse StatusResponse() =>
        new() { Type = Types.Status, Fleet = Name, ProcessId = Environment.ProcessId, Status = _fleet.Status };

    private static string WithoutParameter(ArgumentException e) =>
        e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : e.Message;

    private Task Refuse(string code, string message) => Task.FromException(new FleetControlException(SocketPath, code, message));

    private ValueTask SendAsync(Stream stream, ControlResponse response, CancellationToken cancellationToken) =>
        ControlFrames.WriteAsync(stream, SocketPath, response, cancellationToken);

    /// <summary>Sends a last frame if the client still listens; a client that left is no error.</summary>
    private async Task TrySendAsync(Stream stream, ControlResponse response)
    {
        try
        {
            using var timeout = new CancellationTokenSource(RequestTimeout);
            await SendAsync(stream, response, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FleetControlException)
        {
        }
    }
}
