using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>
/// What every <see cref="ITransport"/> must do, run once per implementation. Every listener and
/// connection a test opens is disposed after it, pass or fail; every wait is bounded.
/// </summary>
public abstract class TransportContractTests : IAsyncLifetime
{
    /// <summary>The bound on any single wait: a test that reaches it has hung.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<IAsyncDisposable> _opened = [];
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(30));
    private ITransport? _transport;

    /// <summary>Fails reads and writes of a hung test instead of letting it wait forever.</summary>
    protected CancellationToken TestTimeout => _testTimeout.Token;

    internal ITransport Transport => _transport ??= Track(CreateTransport());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Connections first, then listeners, then the transport: the reverse of opening.
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].DisposeAsync();
        }

        _testTimeout.Dispose();
        await DisposeFixtureAsync();
    }

    [Fact]
    public async Task ConnectAsync_ListenerAccepts_BytesFlowBothWays()
    {
        var (client, server) = await ConnectPairAsync();

        await client.Output.WriteFlushedAsync("ping"u8.ToArray());
        Assert.Equal("ping", Encoding.ASCII.GetString(await server.Input.ReadExactlyAsync(4, TestTimeout)));
        await server.Output.WriteFlushedAsync("pong"u8.ToArray());
        Assert.Equal("pong", Encoding.ASCII.GetString(await client.Input.ReadExactlyAsync(4, TestTimeout)));
        Assert.False(string.IsNullOrEmpty(client.RemoteDescription));
        Assert.False(string.IsNullOrEmpty(server.RemoteDescription));
    }

    [Fact]
    public async Task Output_SixteenMebibytesEachWayAtOnce_ArriveIntactAndInOrder()
    {
        const long Length = 16L * 1024 * 1024;
        var (client, server) = await ConnectPairAsync();

        // Both directions at once, each reader running while its writer writes, so back-pressure
        // on one side cannot stall the other.
        await Task.WhenAll(
            client.Output.WritePatternAsync(Length, seed: 1, chunk: 64 * 1024, TestTimeout),
            server.Input.ReadPatternAsync(Length, seed: 1, TestTimeout),
            server.Output.WritePatternAsync(Length, seed: 2, chunk: 100_000, TestTimeout),
            client.Input.ReadPatternAsync(Length, seed: 2, TestTimeout)).WaitAsync(Patience);
    }

    [Fact]
    public async Task Output_PeerReadsNothing_WriteReturnsPendingInsteadOfBlockingTheWriter()
    {
        var (client, server) = await ConnectPairAsync();
        var payload = new byte[8 * 1024 * 1024];

        // Far more than the socket buffers and max-unsent-bytes hold: the write must come back
        // pending (back-pressure), not hold the writing thread until the peer reads.
        var returned = Task.Run(() => !client.Output.WriteAsync(payload, TestTimeout).IsCompleted);

        Assert.True(await returned.WaitAsync(Patience));
        Assert.Equal(64, (await server.Input.ReadExactlyAsync(64, TestTimeout)).Length);
    }

    [Fact]
    public async Task DisposeAsync_PeerOpenButReadingNothing_GivesUpAfterTheCloseTimeout()
    {
        var (client, server) = await ConnectPairAsync();
        _ = client.Output.WriteAsync(new byte[8 * 1024 * 1024], TestTimeout);

        // The unsent bytes cannot leave while the peer reads nothing: disposing waits out the
        // close timeout, then aborts, which must also end a send blocked on the full socket.
        await client.DisposeAsync().AsTask().WaitAsync(Patience);

        // The peer then reads what had arrived, and its stream ends (end of stream or reset).
        await AssertEndsAsync(server.Input.ReadToEndAsync(TestTimeout));
    }

    [Fact]
    public async Task Output_ManySmallWrites_ArriveInOrder()
    {
        const int Messages = 20_000;
        var (client, server) = await ConnectPairAsync();

        var reading = ReadSequenceAsync(server.Input, Messages);

        // Half flushed one by one, half batched eight writes to a flush.
        for (var i = 0; i < Messages; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(client.Output.GetSpan(8), i);
            client.Output.Advance(8);
            if (i < Messages / 2 || i % 8 == 7 || i == Messages - 1)
            {
                var flushed = await client.Output.FlushAsync(TestTimeout);
                Assert.False(flushed.IsCompleted);
            }
        }

        await reading.WaitAsync(Patience);
    }

    [Fact]
    public async Task ConnectAsync_ConcurrentConnections_AreIndependent()
    {
        const int Count = 8;
        const long Length = 256 * 1024;
        var listener = await ListenAsync();
        var accepted = new List<ITransportConnection>();
        var clients = new List<ITransportConnection>();
        for (var i = 0; i < Count; i++)
        {
            var accepting = listener.AcceptAsync(TestTimeout).AsTask();
            clients.Add(Track(await Transport.ConnectAsync(listener.Endpoint, TestTimeout)));
            accepted.Add(Track(await accepting.WaitAsync(Patience)));
        }

        // Each client announces its index, then streams its own pattern; every server connection
        // must see exactly its client's bytes.
        var work = new List<Task>();
        for (var i = 0; i < Count; i++)
        {
            var client = clients[i];
            var seed = i;
            work.Add(Task.Run(async () =>
            {
                var header = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(header, seed);
                await client.Output.WriteFlushedAsync(header, TestTimeout);
                await client.Output.WritePatternAsync(Length, seed, chunk: 4096, TestTimeout);
            }));
            var server = accepted[i];
            work.Add(Task.Run(async () =>
            {
                var index = BinaryPrimitives.ReadInt32LittleEndian(await server.Input.ReadExactlyAsync(4, TestTimeout));
                await server.Input.ReadPatternAsync(Length, index, TestTimeout);
            }));
        }

        await Task.WhenAll(work).WaitAsync(Patience);
    }

    [Fact]
    public async Task DisposeAsync_OneConnection_PeerReadsAllThenEndOfStreamAndOthersGoOn()
    {
        var listener = await ListenAsync();
        var (first, firstPeer) = await ConnectPairAsync(listener);
        var (second, secondPeer) = await ConnectPairAsync(listener);

        await first.Output.WriteFlushedAsync("last words"u8.ToArray());
        await first.DisposeAsync();

        var received = await firstPeer.Input.ReadToEndAsync(TestTimeout).WaitAsync(Patience);
        Assert.Equal("last words", Encoding.ASCII.GetString(received));

        await second.Output.WriteFlushedAsync("still here"u8.ToArray());
        Assert.Equal("still here", Encoding.ASCII.GetString(await secondPeer.Input.ReadExactlyAsync(10, TestTimeout)));
        await secondPeer.Output.WriteFlushedAsync("me too"u8.ToArray());
        Assert.Equal("me too", Encoding.ASCII.GetString(await second.Input.ReadExactlyAsync(6, TestTimeout)));
    }

    [Fact]
    public async Task DisposeAsync_Connection_LocalInputCompletesAndIsIdempotent()
    {
        var (client, _) = await ConnectPairAsync();
        var pendingRead = client.Input.ReadAsync(TestTimeout).AsTask();

        await client.DisposeAsync();
        await client.DisposeAsync();

        var result = await pendingRead.WaitAsync(Patience);
        Assert.True(result.IsCompleted);
    }

    [Fact]
    public async Task Abort_PeerReadEndsAndWritesFailPromptly()
    {
        var (client, server) = await ConnectPairAsync();
        var peerRead = server.Input.ReadToEndAsync(TestTimeout);

        client.Abort(new InvalidOperationException("test abort"));

        // A reset (TCP) fails the read; a Unix socket peer sees the end of the stream. Either ends it.
        await AssertEndsAsync(peerRead);
        await AssertWritesFailAsync(server.Output);
    }

    [Fact]
    public async Task Abort_LocalReadsAndFlushesFailWithTheReason()
    {
        var (client, _) = await ConnectPairAsync();
        var pendingRead = client.Input.ReadAsync(TestTimeout).AsTask();

        client.Abort(new InvalidOperationException("the reason"));
        client.Abort();

        var readFailure = await Assert.ThrowsAsync<TransportException>(() => pendingRead.WaitAsync(Patience));
        Assert.Contains("the reason", readFailure.Message, StringComparison.Ordinal);
        await AssertWritesFailAsync(client.Output);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_FailsPromptlyNamingTheEndpoint()
    {
        var endpoint = await UnusedEndpointAsync();

        var failure = await Assert.ThrowsAsync<TransportException>(() => Transport.ConnectAsync(endpoint, TestTimeout).AsTask().WaitAsync(Patience));

        Assert.Contains(endpoint.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_AlreadyCancelled_ThrowsOperationCanceled()
    {
        var listener = await ListenAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transport.ConnectAsync(listener.Endpoint, new CancellationToken(canceled: true)).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task AcceptAsync_Cancelled_ThrowsOperationCanceledAndListenerStillAccepts()
    {
        var listener = await ListenAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = listener.AcceptAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var (client, server) = await ConnectPairAsync(listener);
        await client.Output.WriteFlushedAsync("after"u8.ToArray());
        Assert.Equal("after", Encoding.ASCII.GetString(await server.Input.ReadExactlyAsync(5, TestTimeout)));
    }

    [Fact]
    public async Task DisposeAsync_Listener_EndsPendingAcceptAndRefusesNewConnections()
    {
        var listener = await ListenAsync();
        var waiting = listener.AcceptAsync(TestTimeout).AsTask();

        await listener.DisposeAsync();

        var ended = await Record.ExceptionAsync(() => waiting.WaitAsync(Patience));
        Assert.True(ended is ObjectDisposedException or OperationCanceledException, $"expected ObjectDisposedException, got {ended}");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => listener.AcceptAsync(TestTimeout).AsTask());
        await Assert.ThrowsAsync<TransportException>(() => Transport.ConnectAsync(listener.Endpoint, TestTimeout).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task DisposeAsync_Listener_LeavesAcceptedConnectionsOpen()
    {
        var listener = await ListenAsync();
        var (client, server) = await ConnectPairAsync(listener);

        await listener.DisposeAsync();

        await client.Output.WriteFlushedAsync("on"u8.ToArray());
        Assert.Equal("on", Encoding.ASCII.GetString(await server.Input.ReadExactlyAsync(2, TestTimeout)));
    }

    [Fact]
    public async Task Output_CompletedByWriter_PeerSeesEndOfStreamAndCanStillReply()
    {
        var (client, server) = await ConnectPairAsync();

        await client.Output.WriteFlushedAsync("done"u8.ToArray());
        await client.Output.CompleteAsync();

        Assert.Equal("done", Encoding.ASCII.GetString(await server.Input.ReadToEndAsync(TestTimeout).WaitAsync(Patience)));
        await server.Output.WriteFlushedAsync("ack"u8.ToArray());
        Assert.Equal("ack", Encoding.ASCII.GetString(await client.Input.ReadExactlyAsync(3, TestTimeout)));
    }

    /// <summary>The transport under test; created once per test.</summary>
    internal abstract ITransport CreateTransport();

    /// <summary>A fresh endpoint to listen on.</summary>
    internal abstract TransportEndpoint NewListenEndpoint();

    /// <summary>An endpoint nothing listens on.</summary>
    internal abstract ValueTask<TransportEndpoint> UnusedEndpointAsync();

    /// <summary>Releases what the subclass set up (directories, files), after all connections are closed.</summary>
    protected virtual ValueTask DisposeFixtureAsync() => ValueTask.CompletedTask;

    internal T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _opened.Add(resource);
        return resource;
    }

    internal async Task<IConnectionListener> ListenAsync() => Track(await Transport.ListenAsync(NewListenEndpoint(), TestTimeout));

    internal async Task<(ITransportConnection Client, ITransportConnection Server)> ConnectPairAsync(IConnectionListener? listener = null)
    {
        listener ??= await ListenAsync();
        var accepting = listener.AcceptAsync(TestTimeout).AsTask();
        var client = Track(await Transport.ConnectAsync(listener.Endpoint, TestTimeout).AsTask().WaitAsync(Patience));
        var server = Track(await accepting.WaitAsync(Patience));
        return (client, server);
    }

    private static async Task AssertEndsAsync(Task reading)
    {
        var ended = await Record.ExceptionAsync(() => reading.WaitAsync(Patience));
        Assert.True(ended is null or TransportException, $"the peer's read should end, got {ended}");
    }

    // Writes until the connection reports it is gone: a flush that throws or completes. The
    // socket buffers take some bytes first, so one write is not enough to see the failure.
    private async Task AssertWritesFailAsync(PipeWriter output)
    {
        var chunk = new byte[64 * 1024];
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                FlushResult result;
                try
                {
                    result = await output.WriteAsync(chunk, TestTimeout);
                }
                catch (TransportException)
                {
                    return;
                }

                if (result.IsCompleted)
                {
                    return;
                }
            }

            Assert.Fail("writes to a dead connection kept succeeding");
        });
        await writing.WaitAsync(Patience);
    }

    private async Task ReadSequenceAsync(PipeReader input, int count)
    {
        var expected = 0L;
        while (expected < count)
        {
            var result = await input.ReadAsync(TestTimeout);
            var consumed = CheckSequence(result.Buffer, ref expected, count);
            input.AdvanceTo(consumed, result.Buffer.End);
            Assert.False(result.IsCompleted && expected < count, $"the stream ended after {expected} of {count} messages");
        }
    }

    private static SequencePosition CheckSequence(ReadOnlySequence<byte> buffer, ref long expected, int count)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (expected < count && reader.TryReadLittleEndian(out long value))
        {
            Assert.Equal(expected, value);
            expected++;
        }

        return reader.Position;
    }
}
