using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench invoke</c>: calls by key through the invoker
/// (<c>Invoker.Ask&lt;int&gt;(key, ...)</c>) to an echo callee in the node process, against
/// Akka's plain Ask to an echo of the same kind there (what <c>remote-ask</c> measures), with 1,
/// 100 and 1,000 in flight. The two take turns in rounds, so that a busy spell of the machine
/// falls on both, and each level prints the invoker's rate and p50 over the Ask's. Then how long
/// a registration in the node takes to be listed in this process. Ends with
/// <c>remote-ask: N asks/s</c> and the headline <c>invoke: N calls/s</c>, both at 100 in flight.
/// </summary>
internal sealed class InvokeBenchmark : IBenchmark
{
    private const int HeadlineInFlight = 100;

    // Each level runs the Ask and the invoker this many times each, in turns, for Slice each: 5 s
    // of each in all. Short turns follow the machine's busy spells closely (on two cores shared
    // with other builds, the ratio of five 1 s turns still moved by 0.1 from run to run).
    private const int Rounds = 10;

    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(0.5);

    private const int RegistrationSamples = 20;

    private static readonly int[] InFlightCounts = [1, 100, 1000];

    // A primitive, carried by Akka's own serializer both ways, as in remote-ask; boxed once here.
    private static readonly object Request = 1;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public string Name => "invoke";

    public string Description => "The invoker by key against Akka's Ask, to an echo in another process, 1, 100 and 1,000 in flight, in turns; calls/s, p50/p99 us; registration seen.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var echo = await session.ResolveAsync(BenchNode.EchoName(0), cancellationToken).ConfigureAwait(false);
        var invoker = Invoker.Get(session.System);
        Func<Task> ask = () => echo.Ask<int>(Request, CallTimeout, cancellationToken);
        Func<Task> invoke = () => invoker.Ask<int>(BenchNode.EchoKey, Request, CallTimeout, cancellationToken);

        // The first call also waits, within its timeout, for the node's registration to be listed here.
        await invoke().ConfigureAwait(false);
        var callee = Receptionist.Get(session.System).Find(BenchNode.EchoKey).Callees.Single();
        context.Output.WriteLine(
            $"invoke: Invoker.Ask<int> by key '{BenchNode.EchoKey.Name}' to /user/{callee.Path.Name}; Ask: Akka's Ask<int> to /user/{echo.Path.Name}; "
            + $"both echo actors in the node, both with a {CallTimeout.TotalSeconds:0} s timeout");

        await session.WarmUpAsync(
            context,
            async round =>
            {
                await CallLoad.RunAsync(ask, HeadlineInFlight, round / 2, cancellationToken).ConfigureAwait(false);
                await CallLoad.RunAsync(invoke, HeadlineInFlight, round / 2, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var rounds = context.Quick ? 1 : Rounds;
        var slice = context.Quick ? TimeSpan.FromSeconds(0.15) : Slice;
        (double Ask, double Invoke) headline = (0, 0);
        foreach (var inFlight in InFlightCounts)
        {
            var (askRun, invokeRun) = await TakeTurnsAsync(ask, invoke, inFlight, rounds, slice, cancellationToken).ConfigureAwait(false);
            Report(context, $"{inFlight} in flight, Ask", askRun, "asks/s");
            Report(context, $"{inFlight} in flight, invoke", invokeRun, "calls/s");
            context.Figure($"{inFlight} in flight, invoke over Ask, calls/s", invokeRun.Rate / askRun.Rate, "x");
            context.Figure($"{inFlight} in flight, invoke over Ask, p50", invokeRun.Latencies.Median / askRun.Latencies.Median, "x");
            if (inFlight == HeadlineInFlight)
            {
                headline = (askRun.Rate, invokeRun.Rate);
            }
        }

        await RegistrationAsync(context, session, context.Quick ? 2 : RegistrationSamples, cancellationToken).ConfigureAwait(false);

        context.Headline("remote-ask", headline.Ask, "asks/s");
        context.Headline(Name, headline.Invoke, "calls/s");
        return CliApp.Ok;
    }

    /// <summary>
    /// The Ask and the invoker, <paramref name="rounds"/> slices of <paramref name="slice"/> each,
    /// in turns (the one that goes first alternates too), so that both meet the machine's busy
    /// and quiet spells alike.
    /// </summary>
    private static async Task<(CallRun Ask, CallRun Invoke)> TakeTurnsAsync(
        Func<Task> ask, Func<Task> invoke, int inFlight, int rounds, TimeSpan slice, CancellationToken cancellationToken)
    {
        CallRun? asks = null, invocations = null;
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                if ((round + turn) % 2 == 0)
                {
                    var run = await CallLoad.RunAsync(ask, inFlight, slice, cancellationToken).ConfigureAwait(false);
                    asks = asks?.Add(run) ?? run;
                }
                else
                {
                    var run = await CallLoad.RunAsync(invoke, inFlight, slice, cancellationToken).ConfigureAwait(false);
                    invocations = invocations?.Add(run) ?? run;
                }
            }
        }

        return (asks!, invocations!);
    }

    private static void Report(BenchContext context, string label, CallRun run, string unit)
    {
        context.Figure(label, run.Rate, unit);
        context.Figure($"{label}, p50", run.Latencies.Median * 1000, "us");
        context.Figure($"{label}, p99", run.Latencies.Percentile(99) * 1000, "us");
        context.Figure($"{label}, allocated here per call", run.AllocatedPerCall, "bytes");
        context.Figure($"{label}, pool work items here per call", run.WorkItemsPerCall, "items");
    }

    /// <summary>
    /// How long a registration in the node, and a deregistration, take to be listed in this
    /// process: from the node's call to <c>Register</c> to the listing arriving here, read on the
    /// clock both processes share (see <see cref="RegistrarActor"/>). One cycle first, unmeasured,
    /// compiles the path.
    /// </summary>
    private static async Task RegistrationAsync(BenchContext context, RemoteSession session, int samples, CancellationToken cancellationToken)
    {
        var registrar = await session.ResolveAsync(BenchNode.RegistrarName, cancellationToken).ConfigureAwait(false);
        var watcher = session.System.ActorOf(Props.Create(typeof(ListingWatcher), BenchNode.RegistrationKey));
        var registered = new List<long>(samples);
        var deregistered = new List<long>(samples);
        for (var i = -1; i < samples; i++)
        {
            var seen = await ChangeAsync(RegistrarActor.Register, 1).ConfigureAwait(false);
            var unseen = await ChangeAsync(RegistrarActor.Deregister, 0).ConfigureAwait(false);
            if (i >= 0)
            {
                registered.Add(seen);
                deregistered.Add(unseen);
            }
        }

        await watcher.GracefulStop(StepTimeout).ConfigureAwait(false);
        var (register, deregister) = (Timings.FromTicks(registered), Timings.FromTicks(deregistered));
        context.Output.WriteLine($"a change in the node's registrations until this process lists it ({samples} of each):");
        context.Figure("registration seen here, p50", register.Median, "ms");
        context.Figure("registration seen here, max", register.Max, "ms");
        context.Figure("deregistration seen here, p50", deregister.Median, "ms");
        context.Figure("deregistration seen here, max", deregister.Max, "ms");

        // The ticks from the node's change to the listing of `count` callees here.
        async Task<long> ChangeAsync(string change, int count)
        {
            var listed = watcher.Ask<long>(new ListingWatcher.WhenListed(count), StepTimeout, cancellationToken);
            var changed = await registrar.Ask<long>(change, StepTimeout, cancellationToken).ConfigureAwait(false);
            return await listed.ConfigureAwait(false) - changed;
        }
    }
}
