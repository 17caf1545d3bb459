using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>A connection over a connected stream socket (Unix domain or TCP), without TLS.</summary>
internal sealed class SocketConnection : PipeConnection
{
    // Linux refuses more than IOV_MAX (1024) buffers in one sendmsg; stay well below it.
    private const int MaxBuffersPerSend = 256;

    private readonly Socket _socket;
    private readonly List<ArraySegment<byte>> _buffers = new(16);

    private SocketConnection(Socket socket, string remoteDescription, ConnectionSettings settings)
        : base(remoteDescription, settings)
    {
        _socket = socket;
    }

    /// <summary>Wraps a connected socket, applies the settings to it and starts the loops; the connection owns the socket.</summary>
    public static SocketConnection Start(Socket socket, string remoteDescription, ConnectionSettings settings)
    {
        SocketSetup.Configure(socket, settings);
        var connection = new SocketConnection(socket, remoteDescription, settings);
        connection.Start();
        return connection;
    }

    /// <inheritdoc/>
    protected override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask SendAsync(ReadOnlySequence<byte> buffer) =>
        buffer.IsSingleSegment ? SendAllAsync(buffer.First) : new ValueTask(SendGatheredAsync(buffer));

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
