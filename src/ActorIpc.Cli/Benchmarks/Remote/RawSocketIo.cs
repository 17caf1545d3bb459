using System.Net.Sockets;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>Blocking whole-buffer sends and receives for the raw-socket benchmark.</summary>
internal static class RawSocketIo
{
    public static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }

    /// <exception cref="EndOfStreamException">The peer closed the connection first.</exception>
    public static void ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var read = socket.Receive(buffer);
            if (read == 0)
            {
                throw new EndOfStreamException("the raw echo server closed the connection");
            }

            buffer = buffer[read..];
        }
    }
}
