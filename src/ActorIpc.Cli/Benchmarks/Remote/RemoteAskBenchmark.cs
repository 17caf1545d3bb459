using System.Diagnostics;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench remote-ask</c>: Asks from this process to an echo actor in the node
/// process, with 1, 100 and 1,000 in flight (that many callers, each asking again as soon as
/// its reply arrives); asks per second and the latency of every Ask, and for 1 in flight the
/// ratio to a bare socket's ping-pong measured in the same run (as <c>raw-socket</c> does).
/// Headline: 100 in flight, asks/s, after a <c>remote-ask-p50</c> line for 1 in flight.
/// </summary>
internal sealed class RemoteAskBenchmark : IBenchmark
{
    private const int HeadlineInFlight = 100;

    private static readonly int[] InFlightCounts = [1, 100, 1000];

    // A primitive, so it needs no serialization binding; boxed once here.
    private static readonly object Request = 1;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public string Name => "remote-ask";

    public string Description => "Asks to an actor in another process, 1, 100 and 1,000 in flight; asks/s, p50/p99 us.";

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var echo = await session.ResolveAsync(BenchNode.EchoName(0), cancellationToken).ConfigureAwait(false);

        // A bare-socket echo process too, so the sequential Ask reads as a ratio to this
        // machine's round trip measured in the same run.
        await using var raw = await NodeProcess.StartAsync(context.Transport, raw: true, cancellationToken).ConfigureAwait(false);
        var rawWarmUp = TimeSpan.FromSeconds(context.Quick ? 0.1 : 0.5);
        var measure = TimeSpan.FromSeconds(context.Quick ? 0.3 : 5);

        await session.WarmUpAsync(context, round => RunOnceAsync(echo, HeadlineInFlight, round, cancellationToken), cancellationToken).ConfigureAwait(false);
        double headline = 0, sequentialP50 = 0;
        foreach (var inFlight in InFlightCounts)
        {
            var (rate, latencies, allocated, workItems) = await RunOnceAsync(echo, inFlight, measure, cancellationToken).ConfigureAwait(false);
            var p50 = latencies.Median * 1000;
            context.Figure($"{inFlight} in flight", rate, "asks/s");
            context.Figure($"{inFlight} in flight, p50", p50, "us");
            context.Figure($"{inFlight} in flight, p99", latencies.Percentile(99) * 1000, "us");
            context.Figure($"{inFlight} in flight, pool work items here per Ask", workItems, "items");
            if (inFlight == HeadlineInFlight)
            {
                context.Figure($"{inFlight} in flight, allocated here per Ask", allocated, "bytes");
            }

            if (inFlight == 1)
            {
                sequentialP50 = p50;
                var (_, bare) = await RawSocketBenchmark.PingPongAsync(RawEndpoint.Parse(raw.Address), rawWarmUp, measure, cancellationToken).ConfigureAwait(false);
                var bareP50 = bare.Median * 1000;
                context.Figure("bare socket ping-pong, p50, same run", bareP50, "us");
                context.Figure("1 in flight p50 over the bare socket's", p50 / bareP50, "x");
            }

            if (inFlight == HeadlineInFlight)
            {
                headline = rate;
            }
        }

        context.Headline("remote-ask-p50", sequentialP50, "us");
        context.Headline(Name, headline, "asks/s");
        return CliApp.Ok;
    }

    /// <summary>
    /// <paramref name="inFlight"/> callers ask until <paramref name="duration"/> is over; returns
    /// asks per second, every Ask's latency (first send to reply handled) in milliseconds, and
    /// the bytes this process allocated per Ask (with the latency records: 8 bytes an Ask and
    /// list growth, small beside the Ask's own), and the thread-pool work items it ran per Ask.
    /// </summary>
    private static async Task<(double Rate, Timings Latencies, double AllocatedPerAsk, double WorkItemsPerAsk)> RunOnceAsync(
        IActorRef echo, int inFlight, TimeSpan duration, CancellationToken cancellationToken)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var callers = new Task<List<long>>[inFlight];
        for (var i = 0; i < inFlight; i++)
        {
            callers[i] = Task.Run(() => CallerAsync(echo, deadline, cancellationToken), cancellationToken);
        }

        var perCaller = await Task.WhenAll(callers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        var count = perCaller.Sum(l => l.Count);
        var latencies = new Timings(perCaller.SelectMany(l => l).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency));
        return (count / elapsed.TotalSeconds, latencies, allocated / (double)count, workItems / (double)count);
    }

    private static async Task<List<long>> CallerAsync(IActorRef echo, long deadline, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(4096);
        long now;
        while ((now = Stopwatch.GetTimestamp()) < deadline)
        {
            await echo.Ask<int>(Request, AskTimeout, cancellationToken).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            latencies.Add(end - now);
        }

        return latencies;
    }
}
