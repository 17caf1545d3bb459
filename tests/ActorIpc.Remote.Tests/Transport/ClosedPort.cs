using System.Net;
using System.Net.Sockets;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>A loopback port that was just free: bound by a throwaway socket, then released.</summary>
internal static class ClosedPort
{
    public static ValueTask<TransportEndpoint> FindAsync(Func<string, int, TransportEndpoint> endpoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return ValueTask.FromResult(endpoint("127.0.0.1", port));
    }
}
