using ActorIpc.Dispatch;
using ActorIpc.Hocon;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class DispatcherTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public void Default_HandlesThreeHundredMessagesATurnForAtMostFiveMilliseconds()
    {
        var settings = ((ActorSystemImpl)Sys).Settings.Dispatchers["default"];

        Assert.Equal(300, settings.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.ThroughputDeadline);
    }

    [Fact]
    public async Task ADispatcherThatLeavesThemOut_TakesTheDefaultDispatchersValues()
    {
        await using var system = ActorSystem.Create("inherit", ConfigFactory.ParseString("""
            actoripc.actor.dispatchers {
              default { throughput = 7, throughput-deadline-time = 3ms }
              mine { type = thread-pool }
              own { type = thread-pool, throughput = 2, throughput-deadline-time = 0 }
            }
            """));
        var dispatchers = ((ActorSystemImpl)system).Settings.Dispatchers;

        Assert.Equal((7, TimeSpan.FromMilliseconds(3)), (dispatchers["mine"].Throughput, dispatchers["mine"].ThroughputDeadline));
        Assert.Equal((2, TimeSpan.Zero), (dispatchers["own"].Throughput, dispatchers["own"].ThroughputDeadline));
    }

    [Fact]
    public async Task ADispatcherWithoutAType_TakesTheDefaultDispatchersType()
    {
        await using var system = ActorSystem.Create("inherit-type", ConfigFactory.ParseString("""
            actoripc.actor.dispatchers {
              default.type = pinned
              mine { throughput = 4 }
            }
            """));
        var mine = ((ActorSystemImpl)system).Settings.Dispatchers["mine"];

        Assert.True(mine.Pinned);
        Assert.Equal(4, mine.Throughput);
    }

    [Fact]
    public void AnInheritedBadValue_FailsNamingTheDefaultsPath()
    {
        var thrown = Assert.ThrowsAny<Exception>(() => ActorSystem.Create("bad-default", ConfigFactory.ParseString(
            "actoripc.actor.dispatchers { default.throughput = 0 }")));

        Assert.Contains("actoripc.actor.dispatchers.default.throughput", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("at least 1", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeDeadline_FailsNamingThePath()
    {
        var thrown = Assert.ThrowsAny<Exception>(() => ActorSystem.Create("negative", ConfigFactory.ParseString(
            "actoripc.actor.dispatchers.mine { type = thread-pool, throughput-deadline-time = -1ms }")));

        Assert.Contains("actoripc.actor.dispatchers.mine.throughput-deadline-time", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("at least 0", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(0.0001, 1L)]
    [InlineData(1.0, 1L)]
    [InlineData(1.5, 2L)]
    [InlineData(5.0, 5L)]
    public void TheDeadline_IsKeptInWholeMilliseconds_RoundedUp(double milliseconds, long expected) =>
        Assert.Equal(expected, new CountingDispatcher("round", 10, TimeSpan.FromMilliseconds(milliseconds)).ThroughputDeadlineMs);

    [Fact]
    public async Task SlowMessages_EachEndATurnAtTheDeadline_EvenWithThroughputLeft()
    {
        var (turns, handled) = await RunQueuedMessagesAsync(1000, TimeSpan.FromMilliseconds(1), SlowMessages, slow: true);

        // The gate's turn, then one turn per slow message: each outlasts the deadline.
        Assert.Equal(1 + SlowMessages, turns);
        Assert.Equal(Enumerable.Range(0, SlowMessages), handled.Select(h => h.Message));
    }

    [Fact]
    public async Task WithoutADeadline_TheSameMessagesRunInOneTurn()
    {
        var (turns, handled) = await RunQueuedMessagesAsync(1000, TimeSpan.Zero, SlowMessages, slow: true);

        Assert.Equal(1, turns);
        Assert.Equal(Enumerable.Range(0, SlowMessages), handled.Select(h => h.Message));
    }

    [Fact]
    public async Task ATurn_EndsAfterThroughputMessages()
    {
        // Throughput 10, no deadline: the gate and the 29 messages queued behind it are 30
        // messages, run as three turns of 10 (the gate is the first turn's first).
        var (turns, handled) = await RunQueuedMessagesAsync(10, TimeSpan.Zero, 29, slow: false);

        Assert.Equal(3, turns);
        Assert.Equal([9, 10, 10], handled.GroupBy(h => h.Turn).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(Enumerable.Range(0, 29), handled.Select(h => h.Message));
    }

    private const int SlowMessages = 5;

    /// <summary>
    /// Queues <paramref name="count"/> messages behind a gate, on a dispatcher with
    /// <paramref name="throughput"/> and <paramref name="deadline"/>, each message taking at least
    /// 2 ms of the coarse clock when <paramref name="slow"/>; returns how many turns the actor
    /// took from the gate on and the messages in the order handled, each with the turn it ran in
    /// (0 for the gate's).
    /// </summary>
    private async Task<(int Turns, List<(int Message, int Turn)> Handled)> RunQueuedMessagesAsync(int throughput, TimeSpan deadline, int count, bool slow)
    {
        var dispatcher = new CountingDispatcher("counting", throughput, deadline);
        ((ActorSystemImpl)Sys).UseDispatcher(dispatcher);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new List<(int Message, int Scheduled)>();
        var actor = Sys.ActorOf(Props.Create(() => new Worker(gate.Task, slow, dispatcher, handled)).WithDispatcher("counting"));

        actor.Tell("gate", TestActor);
        await ExpectMsgAsync<string>(s => s == "at the gate");

        // The gate's turn is running: the messages below schedule nothing; every later turn is
        // the mailbox rescheduling itself because a turn ended with messages left.
        var scheduledAtTheGate = dispatcher.Scheduled;
        for (var i = 0; i < count; i++)
        {
            actor.Tell(i, TestActor);
        }

        gate.SetResult();
        for (var i = 0; i < count; i++)
        {
            await ExpectMsgAsync<int>(n => n == i);
        }

        return (1 + dispatcher.Scheduled - scheduledAtTheGate, [.. handled.Select(h => (h.Message, h.Scheduled - scheduledAtTheGate))]);
    }

    private sealed class CountingDispatcher(string id, int throughput, TimeSpan deadline) : MessageDispatcher(id, throughput, deadline)
    {
        private int _scheduled;

        public int Scheduled => Volatile.Read(ref _scheduled);

        public override void Schedule(Mailbox mailbox)
        {
            Interlocked.Increment(ref _scheduled);
            ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
        }
    }

    /// <summary>
    /// Holds its first turn at the gate until the test has queued its messages, then records each
    /// message with the number of times its mailbox had been scheduled (which tells the turn).
    /// </summary>
    private sealed class Worker(Task gate, bool slow, CountingDispatcher dispatcher, List<(int Message, int Scheduled)> handled) : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (message is "gate")
            {
                Sender.Tell("at the gate", Self);

                // Holds the actor until every message is queued behind it, then works as the
                // others do, so that its turn too ends at a deadline.
                gate.GetAwaiter().GetResult();
                Work();
                return;
            }

            Work();
            handled.Add(((int)message, dispatcher.Scheduled));
            Sender.Tell(message, Self);
        }

        // Stands for work that takes a while: at least 2 ms of the clock the deadline is read
        // on, so a deadline of 1 ms has passed when it is done.
        private void Work()
        {
            if (!slow)
            {
                return;
            }

            var until = Environment.TickCount64 + 2;
            while (Environment.TickCount64 < until)
            {
                Thread.SpinWait(50);
            }
        }
    }
}
