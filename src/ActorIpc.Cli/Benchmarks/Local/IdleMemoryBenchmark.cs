using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks.Local;

/// <summary>
/// <c>actoripc bench idle-memory</c>: the managed heap each started, idle actor costs (reference,
/// cell, mailbox, path, instance and its bookkeeping in the parent), measured over 100,000
/// ReceiveActors with one handler each. Headline: bytes per idle actor.
/// </summary>
internal sealed class IdleMemoryBenchmark : IBenchmark
{
    public string Name => "idle-memory";

    public string Description => "Heap bytes per started, idle actor (100,000 ReceiveActors).";

    public async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Quick ? 5_000 : 100_000;
        await using var system = ActorSystem.Create("bench", ConfigFactory.ParseString("actoripc.log-dead-letters = off"));
        var parent = system.ActorOf(Props.Create<Parent>());
        var started = new CountdownEvent(count);

        var before = Measure();
        await parent.Ask<int>(new SpawnChildren(count, started), TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        await Task.Run(() => started.Wait(cancellationToken), cancellationToken).ConfigureAwait(false);
        var after = Measure();
        GC.KeepAlive(parent);
        started.Dispose();

        var perActor = (after - before) / (double)count;
        context.Figure($"{count:N0} idle actors", (after - before) / 1024.0 / 1024.0, "MiB");
        context.Headline(Name, perActor, "bytes");
        return CliApp.Ok;
    }

    private static long Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed record SpawnChildren(int Count, CountdownEvent Started);

    private sealed class Parent : ReceiveActor
    {
        public Parent() => Receive<SpawnChildren>(spawn =>
        {
            var props = Props.Create(() => new Idle(spawn.Started));
            for (var i = 0; i < spawn.Count; i++)
            {
                Context.ActorOf(props);
            }

            Sender.Tell(spawn.Count, Self);
        });
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(CountdownEvent started)
        {
            Receive<string>(s => Sender.Tell(s, Self));
            started.Signal();
        }
    }
}
