using System.Buffers;
using System.Net.Sockets;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// A bare Unix socket to a node's socket file, for tests that speak bytes no well-behaved node
/// sends: it can run a proper client handshake first, then write anything, and read until the
/// node closes the connection.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    /// <summary>What <see cref="ReadUntilClosedAsync"/> returns when the node kept the connection open.</summary>
    public const string StillOpen = "still open";

    private readonly Socket _socket;
    private byte[] _pending = [];

    private RawConnection(Socket socket) => _socket = socket;

    /// <summary>The bytes read after the handshake, up to the close.</summary>
    public byte[] Received => _pending;

    public static async Task<RawConnection> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new RawConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken) =>
        await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);

    /// <summary>Ends our side of the stream: the node reads end-of-stream after what was written.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Runs the client side of the handshake as <paramref name="options"/> says; throws if the node does not welcome us.</summary>
    public async Task HandshakeAsync(HandshakeOptions options, string expectedSystemName, CancellationToken cancellationToken)
    {
        var handshake = new ClientHandshake(options, expectedSystemName);
        var output = new ArrayBufferWriter<byte>();
        handshake.Start(output);
        var buffer = new byte[4096];
        while (true)
        {
            if (output.WrittenCount > 0)
            {
                await _socket.SendAsync(output.WrittenMemory, SocketFlags.None, cancellationToken);
                output.ResetWrittenCount();
            }

            if (handshake.Status == HandshakeStatus.Succeeded)
            {
                return;
            }

            if (handshake.Status == HandshakeStatus.Failed)
            {
                throw new InvalidOperationException($"the handshake failed: {handshake.FailureReason}");
            }

            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("the node closed the connection during the handshake");
            }

            _pending = [.. _pending, .. buffer.AsSpan(0, read)];
            var input = new ReadOnlySequence<byte>(_pending);
            handshake.Advance(ref input, output);
            _pending = input.ToArray();
        }
    }

    /// <summary>
    /// Reads until the node closes the connection (end of stream or a reset) and returns how it
    /// ended, or <see cref="StillOpen"/> if it had not when <paramref name="cancellationToken"/>
    /// fired; what was read is in <see cref="Received"/>.
    /// </summary>
    public async Task<string> ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return "end of stream";
                }

                _pending = [.. _pending, .. buffer.AsSpan(0, read)];
            }
        }
        catch (SocketException e)
        {
            return $"socket error {e.SocketErrorCode}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StillOpen;
        }
    }

    /// <summary>The frame types in <see cref="Received"/>, in order (a partial frame at the end is left out).</summary>
    public List<FrameType> ReceivedFrameTypes(int maxFrameSize)
    {
        var types = new List<FrameType>();
        var input = new ReadOnlySequence<byte>(_pending);
        while (FrameReader.TryReadFrame(ref input, maxFrameSize, out var frame))
        {
            types.Add(frame.Type);
        }

        return types;
    }

    public void Dispose() => _socket.Dispose();
}
