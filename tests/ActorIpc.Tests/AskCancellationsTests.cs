using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class AskCancellationsTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    private int _sweepsStarted;

    private ActorSystemImpl System => (ActorSystemImpl)Sys;

    [Fact]
    public void Add_TokenCancelled_CancelsEveryPromiseNotReleased()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var promises = Enumerable.Range(0, 100).Select(_ => NewPromise()).ToArray();
        foreach (var promise in promises)
        {
            relay.Add(cancel.Token, promise);
        }

        foreach (var promise in promises.Where((_, i) => i % 2 == 0))
        {
            promise.Complete();
        }

        cancel.Cancel();

        Assert.All(promises.Where((_, i) => i % 2 == 0), p => Assert.Equal(0, p.Cancellations));
        Assert.All(promises.Where((_, i) => i % 2 == 1), p => Assert.Equal(1, p.Cancellations));
        Assert.Equal(1, _sweepsStarted);
    }

    [Fact]
    public void Add_TokenAlreadyCancelled_CancelsAtOnce()
    {
        var relay = NewRelay();
        var promise = NewPromise();

        relay.Add(new CancellationToken(canceled: true), promise);

        Assert.Equal(1, promise.Cancellations);
    }

    [Fact]
    public void Add_TwoTokens_CancellingOneLeavesTheOther()
    {
        var relay = NewRelay();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var onFirst = NewPromise();
        var onSecond = NewPromise();
        relay.Add(first.Token, onFirst);
        relay.Add(second.Token, onSecond);

        first.Cancel();

        Assert.Equal(1, onFirst.Cancellations);
        Assert.Equal(0, onSecond.Cancellations);
    }

    [Fact]
    public void Sweep_EveryPromiseReleased_RetiresTheHubAndTheTokenNoLongerReachesIt()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var promises = Enumerable.Range(0, 5000).Select(_ => NewPromise()).ToArray();
        foreach (var promise in promises)
        {
            relay.Add(cancel.Token, promise);
            promise.Complete();
        }

        Assert.Equal(0, relay.Sweep());
        Assert.Equal(0, relay.HubCount);

        // A later Ask on the same token gets a fresh hub, and cancellation still reaches it.
        var late = NewPromise();
        relay.Add(cancel.Token, late);
        Assert.Equal(1, relay.HubCount);
        cancel.Cancel();
        Assert.Equal(1, late.Cancellations);
        Assert.All(promises, p => Assert.Equal(0, p.Cancellations));
    }

    [Fact]
    public void Sweep_OnePromiseWaiting_KeepsItsHubAndUnlinksSpentSegments()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var waiting = NewPromise();
        relay.Add(cancel.Token, waiting);
        for (var i = 0; i < 10_000; i++)
        {
            var promise = NewPromise();
            relay.Add(cancel.Token, promise);
            promise.Complete();
        }

        var before = relay.SegmentCount;
        Assert.Equal(1, relay.Sweep());

        // The waiting promise's segment and the tail stay; the spent ones between them go.
        Assert.True(before > 5, $"{before} segments before the sweep");
        Assert.Equal(2, relay.SegmentCount);
        cancel.Cancel();
        Assert.Equal(1, waiting.Cancellations);
    }

    [Fact]
    public async Task AddAndRelease_ManyThreadsWhileSweeping_EveryWaitingPromiseIsCancelledOnce()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var added = new System.Collections.Concurrent.ConcurrentBag<RecordingPromise>();
        using var stop = new CancellationTokenSource();
        var sweeper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                relay.Sweep();
            }
        });

        var callers = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var promise = NewPromise();
                relay.Add(cancel.Token, promise);
                added.Add(promise);

                // Three in four complete; the fourth stays waiting.
                if (i % 4 != 0)
                {
                    promise.Complete();
                }
            }
        })).ToArray();
        await Task.WhenAll(callers);
        await stop.CancelAsync();
        await sweeper;

        await cancel.CancelAsync();

        Assert.Equal(80_000, added.Count);
        Assert.All(added, p => Assert.Equal(p.IsCompleted ? 0 : 1, p.Cancellations));
    }

    [Fact]
    public void Close_FailsWaitingPromisesDropsHubsAndLaterAddsFailAtOnce()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var waiting = NewPromise();
        var done = NewPromise();
        relay.Add(cancel.Token, waiting);
        relay.Add(cancel.Token, done);
        done.Complete();

        relay.Close();

        Assert.Equal(1, waiting.Terminations);
        Assert.Equal(0, done.Terminations);
        Assert.Equal(0, relay.HubCount);
        var late = NewPromise();
        relay.Add(cancel.Token, late);
        Assert.Equal(1, late.Terminations);
        cancel.Cancel();
        Assert.Equal(0, waiting.Cancellations + late.Cancellations);
    }

    [Fact]
    public async Task Close_WhileThreadsAdd_EveryPromiseAddedFailsAtLeastOnce()
    {
        var relay = NewRelay();
        using var cancel = new CancellationTokenSource();
        var added = new System.Collections.Concurrent.ConcurrentBag<RecordingPromise>();
        using var started = new CountdownEvent(4);
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            started.Signal();
            for (var i = 0; i < 20_000; i++)
            {
                var promise = NewPromise();
                added.Add(promise);
                relay.Add(cancel.Token, promise);
            }
        })).ToArray();

        started.Wait();
        relay.Close();
        await Task.WhenAll(callers);

        // Each was in a hub that Close walked, saw the closed flag after it was published, or
        // came after Close and was failed at once: none is left waiting.
        Assert.Equal(80_000, added.Count);
        Assert.All(added, p => Assert.True(p.Terminations >= 1));
    }

    private AskCancellations NewRelay() => new(_ => Interlocked.Increment(ref _sweepsStarted));

    private RecordingPromise NewPromise() => new(System);

    /// <summary>A promise that counts what reaches it; <see cref="Complete"/> ends it as a reply would.</summary>
    private sealed class RecordingPromise(ActorSystemImpl system) : PromiseActorRef(system)
    {
        private int _completed;
        private int _cancellations;
        private int _terminations;

        public int Cancellations => Volatile.Read(ref _cancellations);

        public int Terminations => Volatile.Read(ref _terminations);

        public bool IsCompleted => Volatile.Read(ref _completed) != 0;

        public override bool IsTerminated => IsCompleted;

        public void Complete()
        {
            Interlocked.Exchange(ref _completed, 1);
            AskCancellations.Release(this);
        }

        public override void Tell(object message, IActorRef? sender)
        {
        }

        public override void FailUndelivered(IActorRef recipient, object message, string reason)
        {
        }

        internal override void CancelByToken(CancellationToken token)
        {
            // A completed promise must never be reached.
            Interlocked.Increment(ref _cancellations);
            Assert.False(IsCompleted, "a released promise was cancelled");
        }

        internal override void SystemTerminated() => Interlocked.Increment(ref _terminations);

        protected internal override void Expire()
        {
        }
    }
}
