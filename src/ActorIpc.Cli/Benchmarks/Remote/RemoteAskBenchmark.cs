using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench remote-ask</c>: Asks over Akka.Remote from this process to an echo actor in
/// the node process, with 1, 100 and 1,000 in flight (that many callers, each asking again as
/// soon as its reply arrives); asks per second and the latency of every Ask, and for 1 in flight
/// the ratio to a bare socket's ping-pong (as <c>raw-socket</c> does) measured in the same run,
/// the two taking turns.
/// Headline: 100 in flight, asks/s, after a <c>remote-ask-p50</c> line for 1 in flight.
/// </summary>
internal sealed class RemoteAskBenchmark : IBenchmark
{
    private const int HeadlineInFlight = 100;

    // The sequential Ask and the bare socket take turns this many times (see SequentialAsync).
    private const int SequentialSlices = 10;

    private static readonly int[] InFlightCounts = [1, 100, 1000];

    // A primitive, carried by Akka's own serializer; boxed once here.
    private static readonly object Request = 1;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public string Name => "remote-ask";

    public string Description => "Akka.Remote: Asks to an actor in another process, 1, 100 and 1,000 in flight; asks/s, p50/p99 us.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var echo = await session.ResolveAsync(BenchNode.EchoName(0), cancellationToken).ConfigureAwait(false);

        // A bare-socket echo process too, over the same transport, so the sequential Ask reads as
        // a ratio to this machine's round trip measured in the same run.
        await using var raw = await NodeProcess.StartRawAsync(context.Transport, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"bare-socket {raw.Description}");
        var rawWarmUp = TimeSpan.FromSeconds(context.Quick ? 0.1 : 0.5);
        var measure = TimeSpan.FromSeconds(context.Quick ? 0.3 : 5);

        await session.WarmUpAsync(context, round => RunOnceAsync(echo, HeadlineInFlight, round, cancellationToken), cancellationToken).ConfigureAwait(false);
        double headline = 0, sequentialP50 = 0;
        foreach (var inFlight in InFlightCounts)
        {
            var nodeAllocatedBefore = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false);
            CallRun run;
            if (inFlight == 1)
            {
                (run, var bare) = await SequentialAsync(echo, RawEndpoint.Parse(raw.Address), rawWarmUp, measure, cancellationToken).ConfigureAwait(false);
                sequentialP50 = run.Latencies.Median * 1000;
                var bareP50 = bare.Median * 1000;
                Report(context, inFlight, run);
                context.Figure("bare socket ping-pong, p50, same run", bareP50, "us");
                context.Figure("1 in flight p50 over the bare socket's", sequentialP50 / bareP50, "x");
            }
            else
            {
                run = await RunOnceAsync(echo, inFlight, measure, cancellationToken).ConfigureAwait(false);
                Report(context, inFlight, run);
            }

            var nodeAllocated = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false) - nodeAllocatedBefore;
            context.Figure($"{inFlight} in flight, allocated here per Ask", run.AllocatedPerCall, "bytes");
            context.Figure($"{inFlight} in flight, allocated in the node per Ask", nodeAllocated / (double)run.Calls, "bytes");
            if (inFlight == HeadlineInFlight)
            {
                headline = run.Rate;
            }
        }

        context.Headline("remote-ask-p50", sequentialP50, "us");
        context.Headline(Name, headline, "asks/s");
        return CliApp.Ok;
    }

    private static void Report(BenchContext context, int inFlight, CallRun run)
    {
        context.Figure($"{inFlight} in flight", run.Rate, "asks/s");
        context.Figure($"{inFlight} in flight, p50", run.Latencies.Median * 1000, "us");
        context.Figure($"{inFlight} in flight, p99", run.Latencies.Percentile(99) * 1000, "us");
        context.Figure($"{inFlight} in flight, pool work items here per Ask", run.WorkItemsPerCall, "items");
    }

    /// <summary>
    /// The sequential Ask and the bare socket's ping-pong, taken in <see cref="SequentialSlices"/>
    /// alternating slices of <paramref name="measure"/> each: the machine's busy and quiet spells
    /// (other processes, the host of a virtual machine) then fall on both alike, and the ratio of
    /// their medians reads the Ask's own cost rather than when each happened to run.
    /// </summary>
    private static async Task<(CallRun Ask, Timings Bare)> SequentialAsync(
        IActorRef echo, RawEndpoint rawEndpoint, TimeSpan rawWarmUp, TimeSpan measure, CancellationToken cancellationToken)
    {
        // Blocking socket calls on a pool thread: the cheapest client, as the raw server is.
        using var bare = await Task.Run(() => RawSocketBenchmark.PingPongConnection.Open(rawEndpoint, cancellationToken), cancellationToken).ConfigureAwait(false);
        await Task.Run(() => bare.Run(rawWarmUp, []), cancellationToken).ConfigureAwait(false);
        var slice = measure / SequentialSlices;
        var bareLatencies = new List<long>(100_000);
        CallRun? ask = null;
        for (var i = 0; i < SequentialSlices; i++)
        {
            var run = await RunOnceAsync(echo, 1, slice, cancellationToken).ConfigureAwait(false);
            ask = ask is null ? run : ask.Add(run);
            await Task.Run(() => bare.Run(slice, bareLatencies), cancellationToken).ConfigureAwait(false);
        }

        return (ask!, Timings.FromTicks(bareLatencies));
    }

    /// <summary><paramref name="inFlight"/> callers ask until <paramref name="duration"/> is over (<see cref="CallLoad"/>).</summary>
    private static Task<CallRun> RunOnceAsync(IActorRef echo, int inFlight, TimeSpan duration, CancellationToken cancellationToken) =>
        CallLoad.RunAsync(() => echo.Ask<int>(Request, AskTimeout, cancellationToken), inFlight, duration, cancellationToken);
}
