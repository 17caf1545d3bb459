using System.Net;
using System.Net.Sockets;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>The non-blocking send the socket connections use on Linux (the platform these tests run on).</summary>
public sealed class NonBlockingSendTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _server;

    public NonBlockingSendTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        _client.Connect(_listener.LocalEndPoint!);
        _server = _listener.Accept();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _listener.Dispose();
    }

    [Fact]
    public void IsAvailable_OnLinux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), NonBlockingSend.IsAvailable);
    }

    [Fact]
    public void TrySend_BytesArriveAtThePeer()
    {

        Assert.Equal(5, NonBlockingSend.TrySend(_client.SafeHandle, "hello"u8));

        var received = new byte[5];
        Assert.Equal(5, _server.Receive(received));
        Assert.Equal("hello"u8.ToArray(), received);
    }

    [Fact]
    public async Task TrySend_BlockingSocketWhosePeerReadsNothing_StopsShortInsteadOfWaiting()
    {
        _client.SendBufferSize = 64 * 1024;
        _server.ReceiveBufferSize = 64 * 1024;
        var chunk = new byte[1024 * 1024];

        // A blocking send of this much would wait for the peer forever; this one returns.
        var lastSent = Task.Run(() =>
        {
            int sent;
            while ((sent = NonBlockingSend.TrySend(_client.SafeHandle, chunk)) == chunk.Length)
            {
            }

            return sent;
        });

        Assert.InRange(await lastSent.WaitAsync(TimeSpan.FromSeconds(10)), 0, chunk.Length - 1);
        Assert.True(_client.Blocking);
    }

    [Fact]
    public void TrySend_ClosedSocket_SendsNothing()
    {
        var handle = _client.SafeHandle;
        _client.Dispose();

        Assert.Equal(0, NonBlockingSend.TrySend(handle, "late"u8));
    }
}
