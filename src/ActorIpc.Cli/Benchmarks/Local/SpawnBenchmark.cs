using System.Diagnostics;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks.Local;

/// <summary>
/// <c>actoripc bench spawn</c>: a parent creates a million children (each started: instance
/// created, PreStart run), then stops them all, three times. Headline: the best run, in actors
/// spawned and stopped per second.
/// </summary>
internal sealed class SpawnBenchmark : IBenchmark
{
    public string Name => "spawn";

    public string Description => "Spawn 1,000,000 actors under one parent, then stop them; actors/s.";

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Quick ? 10_000 : 1_000_000;
        await using var system = ActorSystem.Create("bench", ConfigFactory.ParseString("actoripc.log-dead-letters = off"));
        await RunOnceAsync(system, count / 10, cancellationToken).ConfigureAwait(false);

        var runs = context.Quick ? 1 : 3;
        var best = default(SpawnRun);
        for (var run = 1; run <= runs; run++)
        {
            var once = await MeasureAsync(system, count, cancellationToken).ConfigureAwait(false);
            context.Figure($"run {run}: spawned and stopped", once.PerSecond, "actors/s");
            if (once.PerSecond > best.PerSecond)
            {
                best = once;
            }
        }

        context.Output.WriteLine($"best of {runs}:");
        context.Figure($"{count:N0} actors spawned and started", best.Spawned.TotalMilliseconds, "ms");
        context.Figure("allocated per actor (spawn and stop)", best.AllocatedBytes / (double)count, "bytes");
        for (var generation = 0; generation < best.Collections.Length; generation++)
        {
            context.Figure($"gen{generation} collections (spawn and stop)", best.Collections[generation], "GCs");
        }

        context.Figure($"{count:N0} actors stopped", best.Stopped.TotalMilliseconds, "ms");
        var perSecond = best.PerSecond;
        context.Figure("spawned and stopped", perSecond, "actors/s");
        context.Headline(Name, perSecond, "actors/s");
        return CliApp.Ok;
    }

    private static async Task<SpawnRun> MeasureAsync(ActorSystem system, int count, CancellationToken cancellationToken)
    {
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var (spawned, stopped) = await RunOnceAsync(system, count, cancellationToken).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return new SpawnRun(
            spawned,
            stopped,
            allocated,
            collections.Select((before, generation) => GC.CollectionCount(generation) - before).ToArray(),
            count / (spawned + stopped).TotalSeconds);
    }

    private static async Task<(TimeSpan Spawned, TimeSpan Stopped)> RunOnceAsync(ActorSystem system, int count, CancellationToken cancellationToken)
    {
        var started = new CountdownEvent(count);
        var parent = system.ActorOf(Props.Create(() => new Parent(count, started)));
        var begin = Stopwatch.GetTimestamp();
        parent.Tell(Parent.Spawn, null);
        await Task.Run(() => started.Wait(cancellationToken), cancellationToken).ConfigureAwait(false);
        var spawned = Stopwatch.GetElapsedTime(begin);

        begin = Stopwatch.GetTimestamp();
        await parent.GracefulStop(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        var stopped = Stopwatch.GetElapsedTime(begin);
        started.Dispose();
        return (spawned, stopped);
    }

    private readonly record struct SpawnRun(TimeSpan Spawned, TimeSpan Stopped, long AllocatedBytes, int[] Collections, double PerSecond);

    private sealed class Parent(int count, CountdownEvent started) : ActorBase
    {
        public static readonly object Spawn = new();

        protected override void OnReceive(object message)
        {
            var props = Props.Create(() => new Child(started));
            for (var i = 0; i < count; i++)
            {
                Context.ActorOf(props);
            }
        }
    }

    private sealed class Child(CountdownEvent started) : ActorBase
    {
        protected override void PreStart() => started.Signal();

        protected override void OnReceive(object message)
        {
        }
    }
}
