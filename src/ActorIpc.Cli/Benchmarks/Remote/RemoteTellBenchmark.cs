using System.Diagnostics;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench remote-tell</c>: one-way messages (100-byte and 64 KiB byte buffers) over
/// Akka.Remote from this process to a sink actor in the node process; it counts them and answers
/// a final "done" with its count, so the clock stops when every message has arrived. Headline:
/// 100-byte messages per second.
/// </summary>
/// <remarks>
/// Akka.Remote holds what the socket cannot take yet in its endpoint writer's buffer and
/// DotNetty's outbound queue, neither bounded by default: a sender that outruns the socket grows
/// the heap (and Akka warns past <c>akka.remote.log-buffer-size-exceeding</c>). So the sender
/// paces itself as Akka's MaxThroughputSpec does: every so many messages it asks the sink for
/// its count, and keeps at most two such questions open, which bounds what is in flight and the
/// memory of the large case.
/// </remarks>
internal sealed class RemoteTellBenchmark : IBenchmark
{
    private const int MaxOpenSyncs = 2;

    private static readonly Shape[] Shapes =
    [
        new("100-byte", 100, 10_000),
        new("64 KiB", 64 * 1024, 128),
    ];

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    public string Name => "remote-tell";

    public string Description => "Akka.Remote: one-way 100-byte and 64 KiB messages to an actor in another process; msgs/s and MB/s.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var sink = await session.ResolveAsync(BenchNode.SinkName, cancellationToken).ConfigureAwait(false);
        var measure = TimeSpan.FromSeconds(context.Quick ? 0.3 : 6);

        var headline = 0.0;
        foreach (var shape in Shapes)
        {
            await session.WarmUpAsync(context, round => RunOnceAsync(sink, shape, round, cancellationToken), cancellationToken).ConfigureAwait(false);
            var nodeAllocatedBefore = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false);
            var (rate, delivered, lost, allocated) = await RunOnceAsync(sink, shape, measure, cancellationToken).ConfigureAwait(false);
            var nodeAllocated = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false) - nodeAllocatedBefore;
            context.Figure($"{shape.Label} messages", rate, "msgs/s");
            context.Figure($"{shape.Label} messages, payload", rate * shape.Size / 1e6, "MB/s");
            context.Figure($"{shape.Label} messages, allocated here per message", allocated, "bytes");
            context.Figure($"{shape.Label} messages, allocated in the node per message", nodeAllocated / (double)Math.Max(1, delivered), "bytes");
            if (lost > 0)
            {
                context.Figure($"{shape.Label} messages lost (not counted)", lost, "msgs");
            }

            if (ReferenceEquals(shape, Shapes[0]))
            {
                headline = rate;
            }
        }

        context.Headline(Name, headline, "msgs/s");
        return CliApp.Ok;
    }

    /// <summary>
    /// Sends for about <paramref name="duration"/>; returns the delivered messages per second, how
    /// many were delivered and lost, and the bytes this process allocated per message sent.
    /// </summary>
    private static async Task<(double Rate, long Delivered, long Lost, double AllocatedPerMessage)> RunOnceAsync(IActorRef sink, Shape shape, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Runs off the caller's thread: the loop below only awaits every SyncEvery messages.
        return await Task.Run(
            async () =>
            {
                var payload = new byte[shape.Size];
                var open = new Queue<Task<long>>();
                long sent = 0;
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                var started = Stopwatch.GetTimestamp();
                var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    for (var i = 0; i < shape.SyncEvery; i++)
                    {
                        sink.Tell(payload, ActorRefs.NoSender);
                    }

                    sent += shape.SyncEvery;
                    open.Enqueue(sink.Ask<long>(SinkActor.Sync, ReplyTimeout, cancellationToken));
                    while (open.Count > MaxOpenSyncs)
                    {
                        await open.Dequeue().ConfigureAwait(false);
                    }
                }

                var delivered = await sink.Ask<long>(SinkActor.Done, ReplyTimeout, cancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
                while (open.Count > 0)
                {
                    await open.Dequeue().ConfigureAwait(false);
                }

                return (delivered / elapsed.TotalSeconds, delivered, sent - delivered, allocated / (double)sent);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private sealed record Shape(string Label, int Size, int SyncEvery);
}
