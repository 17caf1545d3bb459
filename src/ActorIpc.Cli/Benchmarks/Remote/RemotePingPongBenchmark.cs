using System.Diagnostics;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// <c>actoripc bench remote-pingpong</c>: the shape of Akka.NET's RemotePingPong over
/// Akka.Remote. N client actors here (1, 4, 16, 64) each exchange messages with their own echo
/// actor in the node process, keeping up to 1,000 in flight; every message sent counts, replies
/// included. Headline: 16 clients, in messages per second.
/// </summary>
internal sealed class RemotePingPongBenchmark : IBenchmark
{
    private const int Window = 1000;

    private const int HeadlineClients = 16;

    // A primitive, carried by Akka's own serializer; boxed once here.
    private static readonly object Message = 1;

    private static readonly int[] ClientCounts = [1, 4, 16, 64];

    // Messages are lost only if the remote layer drops them (at-most-once delivery): then a
    // run never ends, and this says so instead of hanging.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public string Name => "remote-pingpong";

    public string Description => "Akka.Remote: clients (1, 4, 16, 64) exchanging messages with echo actors in another process; msgs/s.";

    public IReadOnlyList<BenchTransport> Transports => RemoteSession.Transports;

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = await RemoteSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        var echoes = new IActorRef[BenchNode.EchoCount];
        for (var i = 0; i < echoes.Length; i++)
        {
            echoes[i] = await session.ResolveAsync(BenchNode.EchoName(i), cancellationToken).ConfigureAwait(false);
        }

        // Runs are sized from the rate measured so far, so that each takes about the same time
        // on a fast or a slow machine.
        var seconds = context.Quick ? 0.25 : 5.0;
        var (rate, _) = await RunOnceAsync(session.System, echoes, HeadlineClients, context.Quick ? 200 : 20_000, cancellationToken).ConfigureAwait(false);
        await session.WarmUpAsync(
            context,
            async round => (rate, _) = await RunOnceAsync(session.System, echoes, HeadlineClients, Repeat(rate, HeadlineClients, round.TotalSeconds), cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"warm-up rate: {rate / 1e6:0.000} M msgs/s");

        var headline = 0.0;
        foreach (var clients in ClientCounts)
        {
            var nodeAllocatedBefore = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false);
            (rate, var allocated) = await RunOnceAsync(session.System, echoes, clients, Repeat(rate, clients, seconds), cancellationToken).ConfigureAwait(false);
            var nodeAllocated = await session.NodeAllocatedAsync(cancellationToken).ConfigureAwait(false) - nodeAllocatedBefore;
            context.Figure($"{clients} clients x {Window} in flight", rate, "msgs/s");
            if (clients == HeadlineClients)
            {
                headline = rate;
                context.Figure($"{clients} clients, allocated here per message", allocated.PerMessage, "bytes");
                context.Figure($"{clients} clients, allocated in the node per message", nodeAllocated / allocated.Messages, "bytes");
            }
        }

        context.Headline(Name, headline, "msgs/s");
        return CliApp.Ok;
    }

    /// <summary>Round trips per client so that a run at <paramref name="rate"/> takes about <paramref name="seconds"/>.</summary>
    private static int Repeat(double rate, int clients, double seconds) =>
        (int)Math.Clamp(rate * seconds / 2 / clients, 100, 50_000_000);

    /// <summary>
    /// One run; returns messages per second, and how many messages were sent (both ways) with
    /// the bytes this process allocated per message.
    /// </summary>
    private static async Task<(double Rate, Allocation Allocated)> RunOnceAsync(ActorSystem system, IActorRef[] echoes, int clients, int repeat, CancellationToken cancellationToken)
    {
        var done = new Task[clients];
        var actors = new IActorRef[clients];
        for (var i = 0; i < clients; i++)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            actors[i] = system.ActorOf(Props.Create(typeof(PingPongClient), echoes[i], repeat, Window, Message, finished));
            done[i] = finished.Task;
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        foreach (var client in actors)
        {
            client.Tell(PingPongClient.Run, ActorRefs.NoSender);
        }

        try
        {
            await Task.WhenAll(done).WaitAsync(RunTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"remote-pingpong: {clients} clients did not get their {repeat} replies each within {RunTimeout.TotalSeconds:0} s; messages were lost");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        foreach (var actor in actors)
        {
            await actor.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        var messages = repeat * 2.0 * clients;
        return (messages / elapsed.TotalSeconds, new Allocation(messages, allocated / messages));
    }

    /// <summary>The messages of a run, both ways, and the bytes this process allocated per message.</summary>
    private readonly record struct Allocation(double Messages, double PerMessage);
}
