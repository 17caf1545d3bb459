using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench raw-socket</c>: the remote benchmarks' shapes over a bare socket between
/// the same two processes, without ActorIpc, so every remote figure reads as a ratio to this
/// machine's limit in the same run. 100-byte length-prefixed frames: a sequential ping-pong
/// (its p50 on a <c>raw-socket-p50</c> line), one-way streaming, and pipelined
/// request/response with up to 1,000 requests in flight and many frames per send. Headline:
/// pipelined requests per second.
/// </summary>
internal sealed class RawSocketBenchmark : IBenchmark
{
    private const int Window = 1000;

    // Frames per send in the pipelined and streaming runs: a batching writer's packet of work.
    private const int PipelinedBatch = 100;

    private const int StreamBatch = 64 * 1024 / RawFrames.FrameSize;

    public string Name => "raw-socket";

    public string Description => "The same shapes over a bare socket between two processes: ping-pong p50, one-way, pipelined req/s.";

    public IReadOnlyList<BenchTransport> Transports { get; } = [BenchTransport.Unix, BenchTransport.Tcp];

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var node = await NodeProcess.StartRawAsync(context.Transport, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(node.Description);
        var endpoint = RawEndpoint.Parse(node.Address);
        var warmUp = TimeSpan.FromSeconds(context.Quick ? 0.1 : 0.5);
        var measure = TimeSpan.FromSeconds(context.Quick ? 0.3 : 4);

        var (sequentialRate, latencies) = await PingPongAsync(endpoint, warmUp, measure, cancellationToken).ConfigureAwait(false);
        var p50 = latencies.Median * 1000;
        context.Figure("ping-pong, 1 in flight", sequentialRate, "round trips/s");
        context.Figure("ping-pong, 1 in flight, p50", p50, "us");
        context.Figure("ping-pong, 1 in flight, p99", latencies.Percentile(99) * 1000, "us");

        var oneWay = await Task.Run(
            () =>
            {
                WithConnection(endpoint, RawFrames.SinkMode, cancellationToken, socket => Stream(socket, warmUp, cancellationToken));
                return WithConnection(endpoint, RawFrames.SinkMode, cancellationToken, socket => Stream(socket, measure, cancellationToken));
            },
            cancellationToken).ConfigureAwait(false);
        context.Figure($"one-way, {StreamBatch} frames per send", oneWay, "msgs/s");
        context.Figure($"one-way, {StreamBatch} frames per send, payload", oneWay * RawFrames.BodySize / 1e6, "MB/s");

        var pipelined = await Task.Run(
            () => WithConnection(endpoint, RawFrames.EchoMode, cancellationToken, socket =>
            {
                Pipelined(socket, warmUp, cancellationToken);
                return Pipelined(socket, measure, cancellationToken);
            }),
            cancellationToken).ConfigureAwait(false);
        context.Figure($"pipelined, {Window} in flight", pipelined, "req/s");
        context.Figure($"pipelined, {Window} in flight, both directions", pipelined * 2, "msgs/s");

        context.Headline("raw-socket-p50", p50, "us");
        context.Headline(Name, pipelined, "req/s");
        return CliApp.Ok;
    }

    /// <summary>
    /// The sequential ping-pong against a raw node at <paramref name="endpoint"/>: round trips per
    /// second and each one's time in milliseconds, after a warm-up.
    /// </summary>
    private static Task<(double Rate, Timings Latencies)> PingPongAsync(RawEndpoint endpoint, TimeSpan warmUp, TimeSpan measure, CancellationToken cancellationToken) =>
        // Blocking socket calls on a pool thread: the cheapest client, as the server is.
        Task.Run(
            () =>
            {
                using var pingPong = PingPongConnection.Open(endpoint, cancellationToken);
                pingPong.Run(warmUp, []);
                var latencies = new List<long>(100_000);
                var elapsed = pingPong.Run(measure, latencies);
                return (latencies.Count / elapsed.TotalSeconds, Timings.FromTicks(latencies));
            },
            cancellationToken);

    private static T WithConnection<T>(RawEndpoint endpoint, byte mode, CancellationToken cancellationToken, Func<Socket, T> measure)
    {
        using var socket = endpoint.Connect();

        // Cancellation must also end a receive that blocks: closing the socket does.
        using var cancel = cancellationToken.Register(socket.Dispose);
        socket.Send([mode]);
        return measure(socket);
    }

    /// <summary>
    /// Keeps up to <see cref="Window"/> requests in flight, sent <see cref="PipelinedBatch"/>
    /// frames per send whenever the window has room, else reading replies; returns replies per second.
    /// </summary>
    private static double Pipelined(Socket socket, TimeSpan duration, CancellationToken cancellationToken)
    {
        var batch = new byte[PipelinedBatch * RawFrames.FrameSize];
        RawFrames.Fill(batch);
        var replies = new byte[Window * RawFrames.FrameSize];
        var filled = 0;
        long received = 0;
        var inFlight = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sending = Stopwatch.GetTimestamp() < deadline;
            if (!sending && inFlight == 0)
            {
                break;
            }

            if (sending && inFlight + PipelinedBatch <= Window)
            {
                RawSocketIo.SendAll(socket, batch);
                inFlight += PipelinedBatch;
                continue;
            }

            var read = socket.Receive(replies.AsSpan(filled));
            if (read == 0)
            {
                throw new EndOfStreamException("the raw echo server closed the connection");
            }

            filled += read;
            var complete = RawFrames.Scan(replies.AsSpan(0, filled), out var frames);
            replies.AsSpan(complete, filled - complete).CopyTo(replies);
            filled -= complete;
            received += frames;
            inFlight -= frames;
        }

        return received / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Sends frames one way, <see cref="StreamBatch"/> per send, then waits for the server's count; returns frames per second.</summary>
    private static double Stream(Socket socket, TimeSpan duration, CancellationToken cancellationToken)
    {
        var batch = new byte[StreamBatch * RawFrames.FrameSize];
        RawFrames.Fill(batch);
        long sent = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RawSocketIo.SendAll(socket, batch);
            sent += StreamBatch;
        }

        // The clock stops when the server has read every frame and says how many.
        socket.Shutdown(SocketShutdown.Send);
        var answer = new byte[sizeof(long)];
        RawSocketIo.ReceiveExactly(socket, answer);
        var counted = BinaryPrimitives.ReadInt64LittleEndian(answer);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (counted != sent)
        {
            throw new InvalidOperationException($"the raw server counted {counted} frames of {sent} sent");
        }

        return counted / elapsed.TotalSeconds;
    }

    /// <summary>
    /// A raw echo connection for the sequential ping-pong: one frame out, its echo back, again,
    /// with blocking calls on the calling thread. It stays open between runs, so a benchmark can
    /// take its round trips in slices between slices of its own.
    /// </summary>
    internal sealed class PingPongConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenRegistration _cancel;
        private readonly byte[] _frame = new byte[RawFrames.FrameSize];
        private readonly byte[] _reply = new byte[RawFrames.FrameSize];

        private PingPongConnection(Socket socket, CancellationToken cancellationToken)
        {
            _socket = socket;
            _cancellationToken = cancellationToken;

            // Cancellation must also end a receive that blocks: closing the socket does.
            _cancel = cancellationToken.Register(socket.Dispose);
            RawFrames.Fill(_frame);
        }

        public static PingPongConnection Open(RawEndpoint endpoint, CancellationToken cancellationToken)
        {
            var socket = endpoint.Connect();
            try
            {
                socket.Send([RawFrames.EchoMode]);
                return new PingPongConnection(socket, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Round trips until <paramref name="duration"/> is over, adding each one's time in
        /// <see cref="Stopwatch"/> ticks to <paramref name="latencies"/>; returns the time taken.
        /// </summary>
        public TimeSpan Run(TimeSpan duration, List<long> latencies)
        {
            var started = Stopwatch.GetTimestamp();
            var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            long now;
            while ((now = Stopwatch.GetTimestamp()) < deadline)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                RawSocketIo.SendAll(_socket, _frame);
                RawSocketIo.ReceiveExactly(_socket, _reply);
                latencies.Add(Stopwatch.GetTimestamp() - now);
            }

            return Stopwatch.GetElapsedTime(started);
        }

        public void Dispose()
        {
            _cancel.Dispose();
            _socket.Dispose();
        }
    }
}
