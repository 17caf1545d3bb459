using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>The non-blocking send and receive the socket connections use on Linux (the platform these tests run on).</summary>
public sealed class NonBlockingSocketTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _server;

    public NonBlockingSocketTests()
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
        Assert.Equal(OperatingSystem.IsLinux(), NonBlockingSocket.IsAvailable);
    }

    [Fact]
    public void TrySend_BytesArriveAtThePeer()
    {

        Assert.Equal(5, NonBlockingSocket.TrySend(_client.SafeHandle, "hello"u8));

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
            while ((sent = NonBlockingSocket.TrySend(_client.SafeHandle, chunk)) == chunk.Length)
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

        Assert.Equal(0, NonBlockingSocket.TrySend(handle, "late"u8));
    }

    [Fact]
    public void TryReceive_NothingSent_ReturnsNothingYetWithoutWaiting()
    {
        Assert.Equal(NonBlockingSocket.NothingYet, NonBlockingSocket.TryReceive(_server.SafeHandle, new byte[16]));
        Assert.True(_server.Blocking);
    }

    [Fact]
    public void TryReceive_BytesThere_ReturnsThem()
    {
        _client.Send("hello"u8);
        var received = new byte[16];

        // Loopback hands the bytes over within the send, but poll for them rather than rely on it.
        Assert.Equal(5, NonBlockingSocket.ReceiveUntil(_server.SafeHandle, received, Far()));
        Assert.Equal("hello"u8.ToArray(), received[..5]);
    }

    [Fact]
    public void TryReceive_PeerShutDown_ReturnsZero()
    {
        _client.Shutdown(SocketShutdown.Send);

        Assert.Equal(0, NonBlockingSocket.ReceiveUntil(_server.SafeHandle, new byte[16], Far()));
    }

    [Fact]
    public void TryReceive_ClosedSocket_ReturnsNothingYet()
    {
        var handle = _server.SafeHandle;
        _server.Dispose();

        Assert.Equal(NonBlockingSocket.NothingYet, NonBlockingSocket.TryReceive(handle, new byte[16]));
    }

    [Fact]
    public async Task ReceiveUntil_BytesSentWhileItPolls_ReturnsThem()
    {
        var polling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new byte[16];
        var receive = Task.Run(() =>
        {
            polling.SetResult();
            return NonBlockingSocket.ReceiveUntil(_server.SafeHandle, received, Far());
        });

        await polling.Task;
        _client.Send("late"u8);

        Assert.Equal(4, await receive.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("late"u8.ToArray(), received[..4]);
    }

    [Fact]
    public void ReceiveUntil_DeadlinePassed_PollsOnceAndReturnsNothingYet()
    {
        Assert.Equal(NonBlockingSocket.NothingYet, NonBlockingSocket.ReceiveUntil(_server.SafeHandle, new byte[16], Stopwatch.GetTimestamp()));

        _client.Send("x"u8);
        var received = new byte[1];
        Assert.Equal(1, NonBlockingSocket.ReceiveUntil(_server.SafeHandle, received, Far()));
    }

    // A deadline no test reaches: the poll ends when its bytes come.
    private static long Far() => Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
}
