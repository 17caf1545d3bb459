namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench invoke-proxy</c>: calls through a typed proxy
/// (<c>GetProxy&lt;IEcho&gt;(name).EchoAsync(1, token)</c>) of the echo object the node publishes,
/// against <c>invoke</c>'s two ways to the node's echo actors, the invoker's call by key and
/// Akka's plain Ask, with 1, 100 and 1,000 in flight. The three take turns in rounds
/// (<see cref="CallComparison"/>); each level prints the proxy's rate and p50 over the invoker's
/// and the bytes it allocates beyond the invoker's, here and in the node: the proxy's own cost,
/// as its call is an invoker call. Ends with <c>remote-ask: N asks/s</c>, <c>invoke: N calls/s</c>
/// and the headline <c>invoke-proxy: N calls/s</c>, all at 100 in flight.
/// </summary>
internal sealed class InvokeProxyBenchmark : IBenchmark
{
    public string Name => "invoke-proxy";

    public string Description => "A typed proxy of an object published in another process against the invoker by key and Akka's Ask, 1, 100 and 1,000 in flight, in turns; calls/s, p50/p99 us.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var (ask, invoke) = await InvokeBenchmark.EchoWaysAsync(context, session, cancellationToken).ConfigureAwait(false);
        var echo = PublishedObjects.Get(session.System).GetProxy<IEcho>(BenchNode.EchoObjectName, CallComparison.CallTimeout);
        var value = (int)CallComparison.Request;
        var proxy = new CallWay("proxy", "calls/s", () => echo.EchoAsync(value, cancellationToken), invoke);

        // Its first call, too, waits for the publication to be listed here.
        await proxy.Call().ConfigureAwait(false);
        context.Output.WriteLine(
            $"proxy: {nameof(IEcho)}.{nameof(IEcho.EchoAsync)}(int, CancellationToken) through {echo}, an object in the node; "
            + $"with the same {CallComparison.CallTimeout.TotalSeconds:0} s timeout");

        var headline = await CallComparison.RunAsync(context, session, [ask, invoke, proxy], cancellationToken).ConfigureAwait(false);
        context.Headline("remote-ask", headline[0], "asks/s");
        context.Headline("invoke", headline[1], "calls/s");
        context.Headline(Name, headline[2], "calls/s");
        return CliApp.Ok;
    }
}
