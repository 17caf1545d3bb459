using System.Collections.Concurrent;
using System.Diagnostics;
using ActorIpc.Remote.Transport;
using ActorIpc.Spi;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>
/// The leader/follower read threads, fed by a fake receive: each "arrival" is what one receive
/// hands the application (deliveries through a <see cref="DeliveryBatch"/>), or the end. The
/// watchdog has no thread and a patience of an hour: a test checks it when it wants the lead
/// passed (<see cref="PassSlowTurns"/>).
/// </summary>
public sealed class ReadThreadsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<Func<int>> _arrivals = [];
    private readonly DeliveryBatch _batch = new();
    private readonly TurnWatchdog _watchdog = new(TimeSpan.FromHours(1), startThread: false);
    private readonly TaskCompletionSource<Exception?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endCalls;
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("read-threads");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Whatever a test left, the threads end (a test that ended them already adds nothing read).
        _arrivals.Add(() => 0);
        await _system.Terminate();
    }

    [Fact]
    public async Task AnActorMadeDue_RunsOnTheReadThread()
    {
        Start(runActors: true);

        var thread = await RunsOnAReadThread(NewActor());

        Assert.Equal("actoripc-read", thread.Name);
    }

    [Fact]
    public async Task AnAskWhoseReplyArrives_CompletesOnTheReadThread()
    {
        Start(runActors: true);
        var sender = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system.ActorOf(Props.Create(() => new HandsOutSender(sender)));
        var ask = actor.Ask<string>("who asks?", Patience);
        var promise = await sender.Task.WaitAsync(Patience);
        var continuedOn = ask.ContinueWith(_ => Thread.CurrentThread, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        Arrive(promise, "the reply");

        Assert.Equal("the reply", await ask.WaitAsync(Patience));
        Assert.Equal("actoripc-read", (await continuedOn.WaitAsync(Patience)).Name);
    }

    [Fact]
    public async Task AfterALargeReceive_TheActorRunsOnThePool_WhileTheThreadReadsOn()
    {
        Start(runActors: true);
        var actor = NewActor();
        await RunsOnAReadThread(actor);

        // Idle now (its last turn ran and ended on the read thread), so only the size decides.
        Assert.True((await Send(actor, bytes: ReadThreads.MaxInlineReceive + 1)).IsThreadPoolThread);
    }

    [Fact]
    public async Task WithoutRunActors_AnActorMadeDue_RunsOnThePool()
    {
        Start(runActors: false);

        Assert.True((await Send(NewActor())).IsThreadPoolThread);
    }

    [Fact]
    public async Task ATurnThatOutlastsThePatience_HasTheOtherThreadRead_AndWhileItLastsOthersRunOnThePool()
    {
        Start(runActors: true);
        using var gate = new ManualResetEventSlim();
        var inTurn = await SlowTurn(gate);
        var other = await Send(NewActor());

        // Read and run while the first read thread is still in the blocking turn.
        Assert.False(gate.IsSet);
        Assert.True(other.IsThreadPoolThread);
        Assert.True(inTurn.IsAlive);
        gate.Set();
    }

    [Fact]
    public async Task TheEnd_AlsoEndsTheThreadInASlowTurn_AndCompletesTheInputOnce()
    {
        Start(runActors: true);
        using var gate = new ManualResetEventSlim();
        var inTurn = await SlowTurn(gate);
        _arrivals.Add(() => 0);

        Assert.Null(await _ended.Task.WaitAsync(Patience));
        gate.Set();
        Assert.True(inTurn.Join(Patience), "the thread that was in the turn did not end");
        Assert.Equal(1, Volatile.Read(ref _endCalls));
    }

    [Fact]
    public async Task ATurnWithinThePatience_KeepsTheLead_AndTheThreadReadsOnAfterIt()
    {
        Start(runActors: true);
        using var gate = new ManualResetEventSlim();
        var blocker = NewActor();
        var other = NewActor();
        await RunsOnAReadThread(blocker);
        await RunsOnAReadThread(other);

        var inTurn = await Send(blocker, gate);

        // Checked within the hour: the turn is in progress and keeps the lead.
        Assert.True(_watchdog.Check(Stopwatch.GetTimestamp()));
        var next = Send(other);
        gate.Set();

        // The same thread read the second arrival after its turn, and ran the next turn too.
        Assert.Same(inTurn, await next);
    }

    [Fact]
    public async Task AFailedReceive_CompletesTheInputWithTheFailure()
    {
        Start(runActors: true);
        var failure = new IOException("the socket broke");

        _arrivals.Add(() => throw failure);

        Assert.Same(failure, await _ended.Task.WaitAsync(Patience));
        Assert.Equal(1, Volatile.Read(ref _endCalls));
    }

    private void Start(bool runActors) =>
        new ReadThreads(
            () => _arrivals.Take()(),
            error =>
            {
                Interlocked.Increment(ref _endCalls);
                _ended.TrySetResult(error);
            },
            runActors,
            _watchdog).Start();

    // A check two hours from now: every turn in progress has outlasted the patience.
    private void PassSlowTurns() => Assert.False(_watchdog.Check(Stopwatch.GetTimestamp() + Stopwatch.Frequency * 7200));

    // One receive, of a request's size unless told, that delivers one message.
    private void Arrive(IActorRef recipient, object message, int bytes = 100) =>
        _arrivals.Add(() =>
        {
            _batch.Deliver(recipient, message, null);
            _batch.Flush();
            return bytes;
        });

    // A turn on the first read thread that waits for the gate, and outlasts the patience.
    private async Task<Thread> SlowTurn(ManualResetEventSlim gate)
    {
        var blocker = NewActor();
        await RunsOnAReadThread(blocker);
        var inTurn = await Send(blocker, gate);
        Assert.Equal("actoripc-read", inTurn.Name);
        PassSlowTurns();
        return inTurn;
    }

    private IActorRef NewActor() => _system.ActorOf(Props.Create<Reports>());

    // One arrival with a message that reports the thread it runs on, then waits for the gate
    // if it runs on a read thread.
    private Task<Thread> Send(IActorRef actor, ManualResetEventSlim? gate = null, int bytes = 100)
    {
        var started = new TaskCompletionSource<Thread>(TaskCreationOptions.RunContinuationsAsynchronously);
        Arrive(actor, new Report(started, gate), bytes);
        return started.Task.WaitAsync(Patience);
    }

    // Sends until a message runs on a read thread. One that finds the actor still ending an
    // earlier turn (its start included) runs on the pool instead; once a turn ran on the read
    // thread and ended there before it read on, the actor's next message finds it idle.
    private async Task<Thread> RunsOnAReadThread(IActorRef actor)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var thread = await Send(actor);
            if (!thread.IsThreadPoolThread)
            {
                return thread;
            }
        }

        throw new Xunit.Sdk.XunitException("no message of 100 ran on a read thread");
    }

    private sealed class HandsOutSender(TaskCompletionSource<IActorRef> sender) : ActorBase
    {
        protected override void OnReceive(object message) => sender.TrySetResult(Sender);
    }

    private sealed record Report(TaskCompletionSource<Thread> Started, ManualResetEventSlim? Gate);

    private sealed class Reports : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (message is Report report)
            {
                report.Started.TrySetResult(Thread.CurrentThread);
                if (!Thread.CurrentThread.IsThreadPoolThread)
                {
                    report.Gate?.Wait(Patience);
                }
            }
        }
    }
}
