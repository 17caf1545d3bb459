using System.Diagnostics;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks.Local;

/// <summary>
/// <c>actoripc bench local-ask</c>: Ask round trips to echo actors, from several callers each
/// keeping a window of asks in flight; also one caller asking sequentially. Headline: the best of
/// three pipelined runs, in round trips per second (as <c>local-pingpong</c> reports its best run).
/// </summary>
internal sealed class LocalAskBenchmark : IBenchmark
{
    private const int Window = 1000;

    public string Name => "local-ask";

    public string Description => "Ask round trips to echo actors, pipelined (headline) and sequential; asks/s.";

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var total = context.Quick ? 50_000 : 6_000_000;
        await using var system = ActorSystem.Create("bench", ConfigFactory.ParseString("actoripc.log-dead-letters = off"));
        var callers = Environment.ProcessorCount * 2;
        var echoes = Enumerable.Range(0, callers).Select(_ => system.ActorOf(Props.Create<Echo>())).ToArray();

        await PipelinedAsync(echoes, total / 10, cancellationToken).ConfigureAwait(false);
        var runs = context.Quick ? 1 : 3;
        var pipelined = 0.0;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        for (var run = 1; run <= runs; run++)
        {
            var once = await PipelinedAsync(echoes, total, cancellationToken).ConfigureAwait(false);
            context.Figure($"{callers} callers x {Window} in flight, run {run}", once, "asks/s");
            pipelined = Math.Max(pipelined, once);
        }

        context.Figure("allocated per Ask", (GC.GetTotalAllocatedBytes() - allocatedBefore) / ((double)total * runs), "bytes");

        context.Figure($"{callers} callers x {Window} in flight, best of {runs}", pipelined, "asks/s");

        var sequentialCount = context.Quick ? 2_000 : 200_000;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < sequentialCount; i++)
        {
            await echoes[0].Ask<int>(i, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var sequential = sequentialCount / Stopwatch.GetElapsedTime(started).TotalSeconds;
        context.Figure("1 caller, 1 in flight", sequential, "asks/s");
        context.Figure("1 caller, 1 in flight, mean round trip", 1e6 / sequential, "us");

        context.Headline(Name, pipelined, "asks/s");
        return CliApp.Ok;
    }

    private static async Task<double> PipelinedAsync(IActorRef[] echoes, int total, CancellationToken cancellationToken)
    {
        var perCaller = total / echoes.Length;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(echoes.Select(echo => Task.Run(() => CallerAsync(echo, perCaller, cancellationToken), cancellationToken))).ConfigureAwait(false);
        return perCaller * (double)echoes.Length / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task CallerAsync(IActorRef echo, int count, CancellationToken cancellationToken)
    {
        var window = new Task<int>[Window];
        for (var done = 0; done < count; done += Window)
        {
            var batch = Math.Min(Window, count - done);
            for (var i = 0; i < batch; i++)
            {
                window[i] = echo.Ask<int>(i, TimeSpan.FromSeconds(30), cancellationToken);
            }

            for (var i = 0; i < batch; i++)
            {
                if (await window[i].ConfigureAwait(false) != i)
                {
                    throw new InvalidOperationException("an Ask got another Ask's reply");
                }
            }
        }
    }

    private sealed class Echo : ActorBase
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
