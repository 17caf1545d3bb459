using ActorIpc.Dispatch;
using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class InlineTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void WhileCollecting_AFlushLeavesTheActorToTheTurns_AndScheduleHandsItOn()
    {
        var (dispatcher, turns) = FlushOneMessage(runsOnAnyThread: true, collecting: true);

        Assert.Equal(0, dispatcher.Scheduled);
        Assert.False(turns.IsEmpty);

        turns.Schedule();

        Assert.Equal(1, dispatcher.Scheduled);
        Assert.True(turns.IsEmpty);
    }

    [Theory]
    [InlineData(false, true)] // a dispatcher that owns its threads, even while collecting
    [InlineData(true, false)] // after the scope
    public void AFlushSchedulesAsUsual(bool runsOnAnyThread, bool collecting)
    {
        var (dispatcher, turns) = FlushOneMessage(runsOnAnyThread, collecting);

        Assert.Equal(1, dispatcher.Scheduled);
        Assert.True(turns.IsEmpty);
    }

    [Fact]
    public void CollectingTwiceOnOneThread_Throws()
    {
        var first = new InlineTurns();
        using (first.Collecting())
        {
            var e = Assert.Throws<InvalidOperationException>(() => new InlineTurns().Collecting());
            Assert.Contains("already collects", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_TakesTheActorsTurnOnThisThread_WithEveryMessageOfTheBurst()
    {
        await using var system = ActorSystem.Create("inline-turns");
        var seen = new TaskCompletionSource<(int Count, int Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new ReportsThread(3, seen)));
        await actor.Ask<string>("started?", Patience);
        var batch = new DeliveryBatch();
        var turns = new InlineTurns();

        // A burst that finds the actor still ending its last turn is not collected (that turn
        // takes it): wait for its answer and try again, until one is.
        while (true)
        {
            using (turns.Collecting())
            {
                batch.Deliver(actor, 1, null);
                batch.Deliver(actor, 2, null);
                batch.Deliver(actor, 3, null);
                batch.Flush();
            }

            if (!turns.IsEmpty)
            {
                break;
            }

            await seen.Task.WaitAsync(Patience);
            seen = new TaskCompletionSource<(int Count, int Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
            Assert.Equal("yes", await actor.Ask<string>(new Reset(seen), Patience));
        }

        Assert.False(seen.Task.IsCompleted);
        turns.Run();

        // Run returns after the turn: the report is already there, from this thread.
        Assert.True(seen.Task.IsCompleted);
        var (count, thread) = await seen.Task;
        Assert.Equal(3, count);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
        Assert.True(turns.IsEmpty);
    }

    [Fact]
    public async Task Run_AnActorWithMessagesLeftAfterItsTurn_GoesOnOnThePool()
    {
        // Throughput 2: three messages need two turns; the second is the pool's.
        await using var system = ActorSystem.Create("inline-turns-rest", "actoripc.actor.dispatchers.default.throughput = 2");
        var seen = new TaskCompletionSource<(int Count, int Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new ReportsThread(3, seen)));
        await actor.Ask<string>("started?", Patience);
        var batch = new DeliveryBatch();
        var turns = new InlineTurns();

        using (turns.Collecting())
        {
            batch.Deliver(actor, 1, null);
            batch.Deliver(actor, 2, null);
            batch.Deliver(actor, 3, null);
            batch.Flush();
        }

        turns.Run();

        var (count, _) = await seen.Task.WaitAsync(Patience);
        Assert.Equal(3, count);
    }

    // One message through a delivery batch, flushed while this thread collects (or after its scope ended).
    private static (RecordingDispatcher Dispatcher, InlineTurns Turns) FlushOneMessage(bool runsOnAnyThread, bool collecting)
    {
        var dispatcher = new RecordingDispatcher(runsOnAnyThread);
        var mailbox = new Mailbox(null, dispatcher);
        var batch = new DeliveryBatch();
        var turns = new InlineTurns();
        using (turns.Collecting())
        {
            if (collecting)
            {
                mailbox.PostDeferred(new Envelope("one", null), batch);
                batch.Flush();
            }
        }

        if (!collecting)
        {
            mailbox.PostDeferred(new Envelope("one", null), batch);
            batch.Flush();
        }

        return (dispatcher, turns);
    }

    private sealed class RecordingDispatcher(bool runsOnAnyThread) : MessageDispatcher("recording", 10)
    {
        public int Scheduled { get; private set; }

        public override bool RunsOnAnyThread => runsOnAnyThread;

        public override void Schedule(Mailbox mailbox) => Scheduled++;
    }

    [Fact]
    public async Task AnAskSettledWhileCollecting_CompletesInRun_AndItsAwaitingCodeRunsOnThisThread()
    {
        await using var system = ActorSystem.Create("inline-asks");
        var (ask, promise) = await AskWithPromise(system);
        var continuedOn = ContinuationThread(ask);
        var turns = new InlineTurns();

        using (turns.Collecting())
        {
            promise.Tell("answer", null);
        }

        Assert.False(ask.IsCompleted);
        turns.Run();

        Assert.True(ask.IsCompletedSuccessfully);
        Assert.Equal("answer", await ask);
        Assert.Equal(Environment.CurrentManagedThreadId, await continuedOn);
    }

    [Fact]
    public async Task AnAskSettledElsewhere_CompletesOnAPoolThread_NotOnTheThreadThatSettledIt()
    {
        await using var system = ActorSystem.Create("queued-asks");
        var (ask, promise) = await AskWithPromise(system);
        var continuedOn = ContinuationThread(ask);
        var settler = new Thread(() => promise.Tell("answer", null));

        settler.Start();
        settler.Join();

        Assert.Equal("answer", await ask.WaitAsync(Patience));
        var thread = await continuedOn.WaitAsync(Patience);
        Assert.NotEqual(settler.ManagedThreadId, thread);
    }

    [Fact]
    public async Task WorkDeferredByTheAwaitingCode_RunsOnceWhenTheTurnsEnd()
    {
        await using var system = ActorSystem.Create("inline-deferred");
        var (ask, promise) = await AskWithPromise(system);
        var work = new CountingWork();
        var seenInside = ask.ContinueWith(
            _ => (ActorSystemSpi.TryDeferToEndOfRun(work), ActorSystemSpi.TryDeferToEndOfRun(work), work.Runs),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        var turns = new InlineTurns();
        using (turns.Collecting())
        {
            promise.Tell("answer", null);
        }

        turns.Run();

        Assert.Equal((true, true, 0), await seenInside);
        Assert.Equal(1, work.Runs);
        Assert.False(ActorSystemSpi.TryDeferToEndOfRun(work));
    }

    // An Ask to an actor that hands its sender (the Ask's promise) to the test.
    private static async Task<(Task<string> Ask, IActorRef Promise)> AskWithPromise(ActorSystem system)
    {
        var sender = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new HandsOutSender(sender)));
        var ask = actor.Ask<string>("who asks?", Patience);
        return (ask, await sender.Task.WaitAsync(Patience));
    }

    // The thread the code right after the Ask's completion runs on.
    private static Task<int> ContinuationThread(Task<string> ask) =>
        ask.ContinueWith(_ => Environment.CurrentManagedThreadId, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed class CountingWork : IEndOfRunWork
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public void Run() => Interlocked.Increment(ref _runs);
    }

    private sealed class HandsOutSender(TaskCompletionSource<IActorRef> sender) : ActorBase
    {
        protected override void OnReceive(object message) => sender.TrySetResult(Sender);
    }

    private sealed record Reset(TaskCompletionSource<(int Count, int Thread)> Seen);

    // Answers "started?"; reports how many numbers it got, and on which thread, at the last;
    // a Reset starts the count again, reporting to a new source.
    private sealed class ReportsThread(int expected, TaskCompletionSource<(int Count, int Thread)> seen) : ActorBase
    {
        private int _count;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case string:
                    Sender.Tell("yes");
                    return;
                case Reset reset:
                    (seen, _count) = (reset.Seen, 0);
                    Sender.Tell("yes");
                    return;
            }

            if (++_count == expected)
            {
                seen.TrySetResult((_count, Environment.CurrentManagedThreadId));
            }
        }
    }
}
