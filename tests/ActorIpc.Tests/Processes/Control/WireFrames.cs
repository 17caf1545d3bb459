using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ActorIpc.Tests.Processes.Control;

/// <summary>The control protocol's frames written and read byte by byte, independently of the code under test.</summary>
internal static class WireFrames
{
    public static async Task<NetworkStream> ConnectAsync(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task WriteAsync(Stream stream, string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        await stream.WriteAsync(header);
        await stream.WriteAsync(payload);
    }

    /// <summary>The next frame's JSON, or null when the other end closed the connection.</summary>
    public static async Task<JsonElement?> ReadAsync(Stream stream)
    {
        var header = new byte[4];
        if (await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false) < 4)
        {
            return null;
        }

        var payload = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
        await stream.ReadExactlyAsync(payload);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.Clone();
    }
}
