using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench invoke</c>: calls by key through the invoker
/// (<c>Invoker.Ask&lt;int&gt;(key, ...)</c>) to an echo callee in the node process, against
/// Akka's plain Ask to an echo of the same kind there (what <c>remote-ask</c> measures), with 1,
/// 100 and 1,000 in flight. The two take turns in rounds (<see cref="CallComparison"/>), so that a
/// busy spell of the machine falls on both, and each level prints the invoker's rate and p50 over
/// the Ask's and the bytes it allocates beyond the Ask's. Then how long
/// a registration in the node takes to be listed in this process. Ends with
/// <c>remote-ask: N asks/s</c> and the headline <c>invoke: N calls/s</c>, both at 100 in flight.
/// </summary>
internal sealed class InvokeBenchmark : IBenchmark
{
    private const int RegistrationSamples = 20;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public string Name => "invoke";

    public string Description => "The invoker by key against Akka's Ask, to an echo in another process, 1, 100 and 1,000 in flight, in turns; calls/s, p50/p99 us; registration seen.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var (ask, invoke) = await EchoWaysAsync(context, session, cancellationToken).ConfigureAwait(false);
        var headline = await CallComparison.RunAsync(context, session, [ask, invoke], cancellationToken).ConfigureAwait(false);

        await RegistrationAsync(context, session, context.Quick ? 2 : RegistrationSamples, cancellationToken).ConfigureAwait(false);

        context.Headline("remote-ask", headline[0], "asks/s");
        context.Headline(Name, headline[1], "calls/s");
        return CliApp.Ok;
    }

    /// <summary>
    /// Akka's Ask to the node's <c>echo-0</c> and the invoker's call by key to its keyed echo, the
    /// invoker's read against the Ask's; prints what each calls. Returns once the keyed echo is
    /// listed here: its first call, made here, waits for that within its timeout.
    /// </summary>
    public static async Task<(CallWay Ask, CallWay Invoke)> EchoWaysAsync(BenchContext context, RemoteSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        var echo = await session.ResolveAsync(BenchNode.EchoName(0), cancellationToken).ConfigureAwait(false);
        var invoker = Invoker.Get(session.System);
        var ask = new CallWay("Ask", "asks/s", () => echo.Ask<int>(CallComparison.Request, CallComparison.CallTimeout, cancellationToken));
        var invoke = new CallWay(
            "invoke",
            "calls/s",
            () => invoker.Ask<int>(BenchNode.EchoKey, CallComparison.Request, CallComparison.CallTimeout, cancellationToken),
            ask);

        await invoke.Call().ConfigureAwait(false);
        var callee = Receptionist.Get(session.System).Find(BenchNode.EchoKey).Callees.Single();
        context.Output.WriteLine(
            $"invoke: Invoker.Ask<int> by key '{BenchNode.EchoKey.Name}' to /user/{callee.Path.Name}; Ask: Akka's Ask<int> to /user/{echo.Path.Name}; "
            + $"both echo actors in the node, both with a {CallComparison.CallTimeout.TotalSeconds:0} s timeout");
        return (ask, invoke);
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
