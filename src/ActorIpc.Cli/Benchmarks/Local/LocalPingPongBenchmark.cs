using System.Diagnostics;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks.Local;

/// <summary>
/// <c>actoripc bench local-pingpong</c>: pairs of actors bounce messages, each client keeping up
/// to 1,000 in flight (the shape of Akka.NET's PingPong benchmark); every message sent counts,
/// replies included. Headline: the best of three runs with 64 pairs, in messages per second.
/// </summary>
internal sealed class LocalPingPongBenchmark : IBenchmark
{
    private static readonly int[] PairCounts = [1, 2, 8, 64];
    private static readonly object Message = new();

    public string Name => "local-pingpong";

    public string Description => "Pairs of actors (1, 2, 8, 64) exchanging messages in one process; msgs/s.";

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var totalMessages = context.Quick ? 200_000 : 20_000_000;
        var runs = context.Quick ? 1 : 3;
        await using var system = ActorSystem.Create("bench", ConfigFactory.ParseString("actoripc.log-dead-letters = off"));
        var warmup = await RunOnceAsync(system, 8, totalMessages / 10, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"warm-up: {warmup / 1e6:0.0} M msg/s");

        var headline = 0.0;
        foreach (var pairs in PairCounts)
        {
            var best = 0.0;
            for (var run = 0; run < runs; run++)
            {
                best = Math.Max(best, await RunOnceAsync(system, pairs, totalMessages, cancellationToken).ConfigureAwait(false));
            }

            context.Figure($"{pairs} pairs, best of {runs}", best, "msgs/s");
            headline = best;
        }

        context.Headline(Name, headline, "msgs/s");
        return CliApp.Ok;
    }

    private static async Task<double> RunOnceAsync(ActorSystem system, int pairs, int totalMessages, CancellationToken cancellationToken)
    {
        // Each round trip is two messages.
        var repeat = Math.Max(1, totalMessages / pairs / 2);
        var done = new CountdownEvent(pairs);
        var clients = new IActorRef[pairs];
        var actors = new List<IActorRef>(pairs * 2);
        for (var i = 0; i < pairs; i++)
        {
            var echo = system.ActorOf(Props.Create<Echo>());
            clients[i] = system.ActorOf(Props.Create(() => new PingPongClient(echo, repeat, 1000, Message, () => done.Signal())));
            actors.Add(echo);
            actors.Add(clients[i]);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var client in clients)
        {
            client.Tell(PingPongClient.Run, null);
        }

        await Task.Run(() => done.Wait(cancellationToken), cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var actor in actors)
        {
            await actor.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        done.Dispose();
        return repeat * 2.0 * pairs / elapsed.TotalSeconds;
    }

    private sealed class Echo : ActorBase
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
