using System.Collections.Concurrent;
using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

/// <summary>
/// Exported promises are found by number for as long as they wait, however many wait and
/// whichever threads export and complete them.
/// </summary>
public sealed class TemporaryRegistryTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("temp-registry");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void PromisesThatShareARingSlot_AreEachFoundByTheirNumber_UntilTheyComplete()
    {
        var spi = ActorSystemSpi.For(_system);
        var target = new SenderCollector(_system);

        // The first promise keeps its slot while a whole ring's worth of later ones register, so
        // the last one (its number is the first's plus the ring size) lands beside the ring.
        var asks = Enumerable.Range(0, TempRegistry.SlotCount + 1).Select(_ => target.Ask<string>("work", TimeSpan.FromMinutes(1))).ToList();
        var promises = target.Senders.ToList();
        var ids = promises.Select(spi.ExportTemporary).ToList();

        Assert.Equal(ids[0] + TempRegistry.SlotCount, ids[^1]);
        Assert.All(promises, (promise, i) => Assert.Same(promise, spi.ResolveTemporary($"${ids[i]}")));

        // The older one completes first: the newer one must still be found beside the ring.
        promises[0].Tell("done", null);
        Assert.Null(spi.ResolveTemporary($"${ids[0]}"));
        Assert.Same(promises[^1], spi.ResolveTemporary($"${ids[^1]}"));

        foreach (var promise in promises.Skip(1))
        {
            promise.Tell("done", null);
        }

        Assert.All(asks, ask => Assert.Equal("done", ask.Result));
        Assert.All(ids, id => Assert.Null(spi.ResolveTemporary($"${id}")));
    }

    [Fact]
    public async Task PromisesExportedAndCompletedOnManyThreads_AreFoundOnlyWhileTheyWait()
    {
        var spi = ActorSystemSpi.For(_system);
        var failures = new ConcurrentQueue<string>();
        var start = new Barrier(4);

        void Work()
        {
            var target = new SenderCollector(_system);
            start.SignalAndWait();
            for (var i = 0; i < 3000; i++)
            {
                var ask = target.Ask<string>("work", TimeSpan.FromMinutes(1));
                var promise = target.Senders.Last();
                var id = spi.ExportTemporary(promise);
                if (!ReferenceEquals(promise, spi.ResolveTemporary($"${id}")))
                {
                    failures.Enqueue($"promise ${id} was not found while it waited");
                }

                promise.Tell("done", null);
                if (spi.ResolveTemporary($"${id}") is not null)
                {
                    failures.Enqueue($"promise ${id} was still found after it completed");
                }

                // The task completes on a pool thread, after the reply settled the Ask.
                if (!ask.Wait(TimeSpan.FromSeconds(10)) || ask.Result != "done")
                {
                    failures.Enqueue($"the Ask of promise ${id} did not complete with its reply");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)));

        Assert.Empty(failures);
    }

    /// <summary>An external reference that keeps every sender of the messages it gets, and answers none.</summary>
    private sealed class SenderCollector(ActorSystem system) : ExternalActorRef(system, ActorPath.Parse("actoripc.unix://elsewhere@worker/user/callee"))
    {
        private readonly List<IActorRef> _senders = [];

        public IReadOnlyList<IActorRef> Senders => _senders;

        public override void Tell(object message, IActorRef? sender)
        {
            if (sender is not null)
            {
                _senders.Add(sender);
            }
        }

        protected override void OnWatch(IActorRef watcher)
        {
        }

        protected override void OnUnwatch(IActorRef watcher)
        {
        }
    }
}
