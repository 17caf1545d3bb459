using System.Buffers;
using ActorIpc.Remote.Detection;
using ActorIpc.Remote.Transport;
using ActorIpc.Remote.Wire;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// The outbound side: one writer task per association dials, handshakes, and then drains the
/// send queue into frame batches, one write per batch; a reader task on the same connection
/// takes acknowledgements and heartbeat replies.
/// </summary>
internal sealed partial class Association
{
    private void EnsureWriter()
    {
        // A plain read first: every send calls this, and the writer is usually running already;
        // a failed compare-and-swap would still take the cache line exclusively.
        if (Volatile.Read(ref _writerRunning) == 0 && Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0)
        {
            _ = Task.Run(RunWriterAsync);
        }
    }

    private async Task RunWriterAsync()
    {
        try
        {
            var reconnecting = false;
            while (!_node.IsStopping)
            {
                var connection = await ConnectAsync(reconnecting).ConfigureAwait(false);
                if (connection is null)
                {
                    return;
                }

                var reason = await RunConnectionAsync(connection).ConfigureAwait(false);
                if (_node.IsStopping)
                {
                    return;
                }

                // The connection broke. Dial again at once: a peer that is alive (or restarted)
                // answers, and a dead one refuses, which makes it count as lost right now.
                Log.LogDebug("Connection to {Peer} ended: {Reason}; reconnecting", RemoteAddressText, reason);
                reconnecting = true;
            }
        }
        catch (Exception e)
        {
            Log.LogError(e, "The writer to {Peer} failed: {Reason}", RemoteAddressText, e.Message);
        }
        finally
        {
            Volatile.Write(ref _writerRunning, 0);

            // Messages queued while the writer was ending must not wait for the next send.
            if (!_queue.IsEmpty && !IsGated(out _) && !_node.IsStopping)
            {
                EnsureWriter();
            }
        }
    }

    /// <summary>Dials and handshakes; on failure the peer counts as lost and the association is gated.</summary>
    private async Task<ITransportConnection?> ConnectAsync(bool reconnecting)
    {
        ITransportConnection? connection = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_node.Stopping);
        timeout.CancelAfter(_node.ConnectTimeout + _node.Settings.HandshakeTimeout);
        try
        {
            var endpoint = TransportEndpoint.FromAddress(RemoteAddress, _node.RuntimeDirectory);
            var transport = _node.TransportFor(endpoint.Scheme);
            connection = await transport.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);

            var handshake = new ClientHandshake(_node.HandshakeOptions, RemoteAddress.System);
            var output = new ArrayBufferWriter<byte>(256);
            handshake.Start(output);
            await HandshakeRunner.RunAsync(connection, output, handshake.Advance, () => handshake.FailureReason, timeout.Token).ConfigureAwait(false);

            var peer = handshake.Peer!;
            if (_peerIncarnation is { } known && known != peer.Incarnation)
            {
                PeerLost($"{RemoteAddressText} restarted (incarnation {known:x} is gone, {peer.Incarnation:x} answered)");
            }

            _peerIncarnation = peer.Incarnation;
            _backoff = _node.Settings.BackoffMin;
            Volatile.Write(ref _gatedUntil, 0);
            Log.LogDebug("Connected to {Peer} ({Remote})", RemoteAddressText, connection.RemoteDescription);
            return connection;
        }
        catch (Exception e) when (e is not OperationCanceledException || !_node.IsStopping)
        {
            var reason = e switch
            {
                OperationCanceledException => $"no answer within {_node.ConnectTimeout + _node.Settings.HandshakeTimeout}",
                _ => e.Message,
            };
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            Gate(reason);
            if (reconnecting || HasStateForPeer())
            {
                PeerLost(reason);
            }

            return null;
        }
    }

    private bool HasStateForPeer()
    {
        lock (_lock)
        {
            return _watched.Count > 0 || _watchers.Count > 0 || _unacked.Count > 0 || _waitingAsks.Count > 0;
        }
    }

    /// <summary>Marks the peer unreachable for the backoff period; what is queued goes to dead letters.</summary>
    private void Gate(string reason)
    {
        _lastFailure = reason;
        var backoff = _backoff;
        StartBackoff(backoff);
        _backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _node.Settings.BackoffMax.Ticks));
        Log.LogWarning("Cannot reach {Peer}: {Reason} (next attempt in no less than {Backoff})", RemoteAddressText, reason, backoff);
        while (_queue.TryRead(out var item))
        {
            if (item.Kind == OutboundKind.User)
            {
                _node.Spi.DeadLetter(item.Message!, item.Sender, item.Recipient!, $"cannot reach {RemoteAddressText}: {reason}");
            }
        }
    }

    /// <summary>Serves one connection until it breaks; returns why it ended.</summary>
    private async Task<string> RunConnectionAsync(ITransportConnection connection)
    {
        var detector = new PhiAccrualFailureDetector(
            _node.Settings.FailureThreshold,
            _node.Settings.FailureMaxSampleSize,
            _node.Settings.FailureMinStdDeviation,
            _node.Settings.AcceptableHeartbeatPause,
            _node.Settings.HeartbeatInterval);
        using var end = CancellationTokenSource.CreateLinkedTokenSource(_node.Stopping);
        var reader = ReadAsync(connection, detector, end);
        var heartbeats = HeartbeatAsync(connection, detector, end.Token);
        string reason;
        try
        {
            // Whatever was not acknowledged by this incarnation goes again, in order.
            _queue.WriteControl(OutboundItem.SystemMessages());
            reason = await WriteAsync(connection, end.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            reason = e.Message;
        }
        finally
        {
            await end.CancelAsync().ConfigureAwait(false);
        }

        var readerReason = await reader.ConfigureAwait(false);
        await heartbeats.ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        return readerReason ?? reason;
    }

    private async Task<string> WriteAsync(ITransportConnection connection, CancellationToken cancellationToken)
    {
        using var batch = new FrameBuffer(_node.Settings.WriteBatchSize + 1024);
        var writer = new OutboundFrameWriter(_node, this, batch);
        var queue = _queue;
        using var wake = cancellationToken.UnsafeRegister(static q => ((OutboundQueue)q!).WakeReader(), queue);
        while (true)
        {
            await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            while (batch.WrittenCount < _node.Settings.WriteBatchSize && queue.TryRead(out var item))
            {
                switch (item.Kind)
                {
                    case OutboundKind.User:
                        writer.WriteUser(item);
                        break;
                    case OutboundKind.System:
                        writer.WriteSystemMessages(UnackedSnapshot());
                        break;
                    case OutboundKind.Heartbeat:
                        FrameWriter.WriteHeartbeat(batch, writer.NextHeartbeat(), Environment.TickCount64);
                        break;
                }
            }

            if (batch.WrittenCount > 0)
            {
                var flush = await connection.Output.WriteAsync(batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                if (flush.IsCompleted)
                {
                    return "the connection was closed";
                }
            }
        }
    }

    private (ulong Sequence, RemoteSystemMessage Message)[] UnackedSnapshot()
    {
        lock (_lock)
        {
            return [.. _unacked];
        }
    }

    private void Acknowledged(ulong sequence)
    {
        lock (_lock)
        {
            _unacked.RemoveAll(entry => entry.Sequence <= sequence);
        }
    }

    /// <summary>Reads acknowledgements and heartbeat replies; returns why the connection ended (null when we ended it).</summary>
    private async Task<string?> ReadAsync(ITransportConnection connection, PhiAccrualFailureDetector detector, CancellationTokenSource end)
    {
        try
        {
            while (true)
            {
                var read = await connection.Input.ReadAsync(end.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (FrameReader.TryReadFrame(ref buffer, _node.Settings.MaxFrameSize, out var frame))
                {
                    switch (frame.Type)
                    {
                        case FrameType.Ack:
                            Acknowledged(frame.ReadAck());
                            break;
                        case FrameType.HeartbeatReply:
                            frame.ReadHeartbeatReply();
                            detector.Heartbeat(Environment.TickCount64 * TimeSpan.TicksPerMillisecond);
                            break;
                        case FrameType.Close:
                            return $"{RemoteAddressText} closed the connection: {frame.ReadClose()}";
                        default:
                            throw new ProtocolException($"unexpected {frame.Type} frame from {RemoteAddressText} on an outbound connection");
                    }
                }

                connection.Input.AdvanceTo(buffer.Start, read.Buffer.End);
                if (read.IsCompleted)
                {
                    return $"{RemoteAddressText} closed the connection";
                }
            }
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
        finally
        {
            // The writer waits on the queue: wake it so it notices the connection is gone.
            await end.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task HeartbeatAsync(ITransportConnection connection, PhiAccrualFailureDetector detector, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_node.Settings.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
                if (detector.IsMonitoring && !detector.IsAvailable(now))
                {
                    connection.Abort(new TimeoutException($"no heartbeat reply from {RemoteAddressText} (phi {detector.Phi(now):0.0})"));
                    return;
                }

                _queue.WriteControl(OutboundItem.Heartbeat());
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }
}
