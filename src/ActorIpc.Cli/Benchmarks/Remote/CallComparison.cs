namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Ways of calling an echo in the node process, measured against each other in one run
/// (<c>invoke</c>, <c>invoke-proxy</c>): warmed up together, then at 1, 100 and 1,000 in flight
/// run in turns, so that a busy spell of the machine falls on each alike. Each level prints every
/// way's rate, p50/p99, the bytes allocated per call here and in the node and the thread-pool work
/// items per call here, then each way read against its baseline: its rate and p50 over the
/// baseline's and the bytes it allocates per call beyond the baseline's.
/// </summary>
internal static class CallComparison
{
    /// <summary>The level whose rates are the benchmarks' headlines.</summary>
    public const int HeadlineInFlight = 100;

    /// <summary>The timeout every compared call is made with: far beyond any call's latency, so that none ends by it.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What every way sends: a primitive, carried by Akka's own serializer as in <c>remote-ask</c>; boxed once here.</summary>
    public static readonly object Request = 1;

    // Each level runs every way this many times, in turns, for Slice each: 5 s of each in all.
    // Short turns follow the machine's busy spells closely (on two cores shared with other
    // builds, the ratio of five 1 s turns still moved by 0.1 from run to run).
    private const int Rounds = 10;

    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(0.5);

    private static readonly TimeSpan QuickSlice = TimeSpan.FromSeconds(0.15);

    private static readonly int[] InFlightCounts = [1, 100, 1000];

    /// <summary>
    /// Warms <paramref name="ways"/> up together, measures them at every level and prints the
    /// figures (a quick pass: one short turn each per level).
    /// </summary>
    /// <returns>Each way's rate at <see cref="HeadlineInFlight"/>, in the order of <paramref name="ways"/>.</returns>
    public static async Task<double[]> RunAsync(BenchContext context, RemoteSession session, IReadOnlyList<CallWay> ways, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ways);
        await session.WarmUpAsync(
            context,
            async round =>
            {
                foreach (var way in ways)
                {
                    await CallLoad.RunAsync(way.Call, HeadlineInFlight, round / ways.Count, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);

        var rounds = context.Quick ? 1 : Rounds;
        var slice = context.Quick ? QuickSlice : Slice;
        var headline = new double[ways.Count];
        foreach (var inFlight in InFlightCounts)
        {
            var runs = await TakeTurnsAsync(session, ways, inFlight, rounds, slice, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < ways.Count; i++)
            {
                Report(context, $"{inFlight} in flight, {ways[i].Label}", runs[i], ways[i].Unit);
            }

            for (var i = 0; i < ways.Count; i++)
            {
                if (ways[i].Baseline is { } baseline)
                {
                    Compare(context, $"{inFlight} in flight, {ways[i].Label} over {baseline.Label}", runs[i], runs[IndexOf(ways, baseline)]);
                }
            }

            if (inFlight == HeadlineInFlight)
            {
                headline = [.. runs.Select(run => run.Rate)];
            }
        }

        return headline;
    }

    /// <summary>
    /// Every way, <paramref name="rounds"/> slices of <paramref name="slice"/> each, in turns; the
    /// way that goes first moves on by one each round, so that each meets the machine's busy and
    /// quiet spells, and follows each other way, alike. The node's allocations are read between
    /// the slices, outside them.
    /// </summary>
    private static async Task<CallRun[]> TakeTurnsAsync(
        RemoteSession session, IReadOnlyList<CallWay> ways, int inFlight, int rounds, TimeSpan slice, CancellationToken cancellationToken)
    {
        var runs = new CallRun?[ways.Count];
        var nodeAllocated = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false);
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < ways.Count; turn++)
            {
                var way = (round + turn) % ways.Count;
                var run = await CallLoad.RunAsync(ways[way].Call, inFlight, slice, cancellationToken).ConfigureAwait(false);
                var nodeAllocatedNow = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false);
                run = run with { NodeAllocated = nodeAllocatedNow - nodeAllocated };
                nodeAllocated = nodeAllocatedNow;
                runs[way] = runs[way]?.Add(run) ?? run;
            }
        }

        return [.. runs.Select(run => run!)];
    }

    private static void Report(BenchContext context, string label, CallRun run, string unit)
    {
        context.Figure(label, run.Rate, unit);
        context.Figure($"{label}, p50", run.Latencies.Median * 1000, "us");
        context.Figure($"{label}, p99", run.Latencies.Percentile(99) * 1000, "us");
        context.Figure($"{label}, allocated here per call", run.AllocatedPerCall, "bytes");
        context.Figure($"{label}, allocated in the node per call", run.NodeAllocatedPerCall, "bytes");
        context.Figure($"{label}, pool work items here per call", run.WorkItemsPerCall, "items");
    }

    private static void Compare(BenchContext context, string label, CallRun run, CallRun baseline)
    {
        context.Figure($"{label}, calls/s", run.Rate / baseline.Rate, "x");
        context.Figure($"{label}, p50", run.Latencies.Median / baseline.Latencies.Median, "x");
        context.Figure($"{label}, allocated here", run.AllocatedPerCall - baseline.AllocatedPerCall, "bytes more per call");
        context.Figure($"{label}, allocated in the node", run.NodeAllocatedPerCall - baseline.NodeAllocatedPerCall, "bytes more per call");
    }

    private static int IndexOf(IReadOnlyList<CallWay> ways, CallWay way)
    {
        for (var i = 0; i < ways.Count; i++)
        {
            if (ReferenceEquals(ways[i], way))
            {
                return i;
            }
        }

        throw new ArgumentException($"the baseline '{way.Label}' is not one of the ways compared", nameof(way));
    }
}
