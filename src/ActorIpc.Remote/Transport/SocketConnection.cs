using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>A connection over a connected stream socket (Unix domain or TCP), without TLS.</summary>
/// <remarks>
/// <para>
/// On Linux (with <c>read-thread = on</c>, the default, and where the C library's <c>send</c> and
/// <c>recv</c> are found, see <see cref="NonBlockingSocket"/>) the socket never runs an
/// asynchronous operation, so it stays out of the runtime's event loop. A thread of the
/// connection blocks in receive and hands the bytes straight to the application; a send is
/// tried without blocking on the thread that flushed, and only when the socket's buffer is full
/// does the rest wait on a pool thread. Each message then costs one
/// wake-up of the reading thread, where the event loop costs two (its own thread, then a pool
/// thread), and the event loop also wakes for every receive the peer makes, since it watches
/// for room to write as well. Where bytes came soon after the last ones (a conversation), the
/// thread polls the socket before it sleeps (<see cref="ReceiveSpin"/>).
/// </para>
/// <para>
/// Otherwise the socket's asynchronous operations serve, as for any .NET socket: no thread per
/// connection, for processes with many connections.
/// </para>
/// </remarks>
internal sealed class SocketConnection : PipeConnection
{
    // Linux refuses more than IOV_MAX (1024) buffers in one sendmsg; stay well below it.
    private const int MaxBuffersPerSend = 256;

    private readonly Socket _socket;
    private readonly bool _ownThread;
    private readonly bool _pollBeforeReceive;
    private readonly ReceiveSpin? _spin;
    private readonly List<ArraySegment<byte>> _buffers = new(16);

    private SocketConnection(Socket socket, string remoteDescription, ConnectionSettings settings, bool dialed, bool ownThread)
        : base(remoteDescription, settings, readsOnOwnThread: ownThread)
    {
        _socket = socket;
        _ownThread = ownThread;

        // A thread blocked in a Unix socket's receive also wakes whenever the peer's reads make
        // room for this side's writes. The dialing side writes most and reads little (ActorIpc's
        // acknowledgements), so it waits for bytes in poll(2), which wakes for bytes only.
        _pollBeforeReceive = ownThread && dialed && socket.AddressFamily == AddressFamily.Unix;

        // Only where the peer's messages arrive: the dialing side reads acknowledgements only.
        _spin = ownThread && !dialed && settings.ReadThreadSpin > TimeSpan.Zero ? new ReceiveSpin(settings.ReadThreadSpin) : null;
    }

    /// <summary>
    /// Whether connections made with <paramref name="settings"/> read on a thread of their own:
    /// on Linux with <c>read-thread = on</c>. Their sockets are then connected and accepted with
    /// blocking calls (<see cref="SocketSetup.ConnectAsync"/>, <see cref="SocketListener"/>): an
    /// asynchronous operation would tie a socket to the runtime's event loop for good.
    /// </summary>
    public static bool UsesOwnThread(ConnectionSettings settings) =>
        settings.ReadThread && OperatingSystem.IsLinux() && NonBlockingSocket.IsAvailable;

    /// <summary>Wraps a connected socket, applies the settings to it and starts the loops; the connection owns the socket.</summary>
    /// <param name="socket">The socket; on Linux it must not have run an asynchronous operation (connect and accept included).</param>
    /// <param name="remoteDescription">The peer, for messages and logs.</param>
    /// <param name="settings">Buffer sizes and timeouts.</param>
    /// <param name="dialed">True for the side that connected, false for the side that accepted.</param>
    public static SocketConnection Start(Socket socket, string remoteDescription, ConnectionSettings settings, bool dialed)
    {
        SocketSetup.Configure(socket, settings);
        var connection = new SocketConnection(socket, remoteDescription, settings, dialed, UsesOwnThread(settings));
        connection.Start();
        return connection;
    }

    /// <inheritdoc/>
    protected override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!_ownThread)
        {
            return _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }

        if (_spin is null)
        {
            if (_pollBeforeReceive)
            {
                _socket.Poll(-1, SelectMode.SelectRead);
            }

            return new ValueTask<int>(_socket.Receive(buffer.Span));
        }

        var start = Stopwatch.GetTimestamp();
        if (_spin.ShouldSpin && NonBlockingSocket.ReceiveUntil(_socket.SafeHandle, buffer.Span, _spin.Deadline(start)) is var spun and not NonBlockingSocket.NothingYet)
        {
            return new ValueTask<int>(spun);
        }

        var received = _socket.Receive(buffer.Span);
        _spin.Waited(Stopwatch.GetTimestamp() - start);
        return new ValueTask<int>(received);
    }

    /// <inheritdoc/>
    protected override ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        if (!_ownThread)
        {
            return buffer.IsSingleSegment ? SendAllAsync(buffer.First) : new ValueTask(SendGatheredAsync(buffer));
        }

        // Without blocking, segment by segment (one system call each: the output pipe's segments
        // are 32 KiB, so a batch of small frames is one). A full socket buffer hands the rest to
        // a pool thread, so the thread that flushed (an actor's, often) never waits on the peer.
        var position = buffer.Start;
        var next = position;
        while (buffer.TryGet(ref next, out var segment))
        {
            var sent = NonBlockingSocket.TrySend(_socket.SafeHandle, segment.Span);
            if (sent < segment.Length)
            {
                var rest = buffer.Slice(buffer.GetPosition(sent, position));
                return new ValueTask(Task.Run(() => SendBlocking(rest)));
            }

            position = next;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    protected override ValueTask ShutdownSendAsync()
    {
        _socket.Shutdown(SocketShutdown.Send);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    protected override void CloseTransport(bool abort) => SocketSetup.Close(_socket, abort);

    /// <inheritdoc/>
    protected override TransportException DescribeFailure(string operation, Exception exception) =>
        SocketSetup.DescribeFailure(RemoteDescription, operation, exception);

    // The slow path: blocking sends (which also report any socket error) until all is sent.
    private void SendBlocking(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            var bytes = segment.Span;
            while (!bytes.IsEmpty)
            {
                bytes = bytes[_socket.Send(bytes)..];
            }
        }
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> memory)
    {
        while (!memory.IsEmpty)
        {
            var sent = await _socket.SendAsync(memory, SocketFlags.None).ConfigureAwait(false);
            memory = memory[sent..];
        }
    }

    // One gather write (sendmsg) per batch of segments: a flush of many frames costs one system call.
    private async Task SendGatheredAsync(ReadOnlySequence<byte> buffer)
    {
        var position = buffer.Start;
        while (true)
        {
            _buffers.Clear();
            var total = 0L;
            var next = position;
            while (_buffers.Count < MaxBuffersPerSend && buffer.TryGet(ref next, out var segment))
            {
                if (!MemoryMarshal.TryGetArray(segment, out var array))
                {
                    // Not array-backed (a custom pool): send what is gathered, then this one alone.
                    break;
                }

                _buffers.Add(array);
                total += array.Count;
                position = next;
            }

            if (_buffers.Count == 0)
            {
                if (!buffer.TryGet(ref position, out var single))
                {
                    return;
                }

                await SendAllAsync(single).ConfigureAwait(false);
                continue;
            }

            var sent = await _socket.SendAsync(_buffers, SocketFlags.None).ConfigureAwait(false);
            if (sent != total)
            {
                // The socket layer completes a stream send in full or fails; guard anyway, since
                // a silent short write would corrupt the stream.
                throw new IOException($"A send of {total} bytes to {RemoteDescription} wrote only {sent}.");
            }
        }
    }
}
