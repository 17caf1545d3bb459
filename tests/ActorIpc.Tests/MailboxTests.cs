using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class MailboxTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(
    """
    actoripc.actor.mailboxes {
      tiny { type = bounded, capacity = 2, overflow = drop-new }
      tiny-oldest { type = bounded, capacity = 2, overflow = drop-oldest }
      urgent-first { type = priority, priority = "ActorIpc.Tests.UrgentFirst, ActorIpc.Tests" }
    }
    """, output)
{
    [Fact]
    public async Task BoundedDropNew_Full_NewMessageIsADeadLetterWithReason()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate.Task)).WithMailbox("tiny"));
        actor.Tell("block", TestActor);
        await ExpectMsgAsync("blocked");

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal(3, letter.Message);
        Assert.Equal(DeadLetterReasons.MailboxFull, letter.Reason);
        gate.SetResult();
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
    }

    [Fact]
    public async Task BoundedDropOldest_Full_OldestMessageIsADeadLetter()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate.Task)).WithMailbox("tiny-oldest"));
        actor.Tell("block", TestActor);
        await ExpectMsgAsync("blocked");

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal(1, letter.Message);
        gate.SetResult();
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(3);
    }

    [Fact]
    public async Task Priority_LowerRankFirst_FifoWithinARank()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate.Task)).WithMailbox("urgent-first"));
        actor.Tell("block", TestActor);
        await ExpectMsgAsync("blocked");

        actor.Tell("normal-1", TestActor);
        actor.Tell("urgent-1", TestActor);
        actor.Tell("normal-2", TestActor);
        actor.Tell("urgent-2", TestActor);
        gate.SetResult();

        await ExpectMsgAsync("urgent-1");
        await ExpectMsgAsync("urgent-2");
        await ExpectMsgAsync("normal-1");
        await ExpectMsgAsync("normal-2");
    }

    [Fact]
    public async Task Stop_WithBacklog_SystemMessageGoesAheadAndBacklogIsDeadLettered()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate.Task)));
        Watch(actor);
        actor.Tell("block", TestActor);
        await ExpectMsgAsync("blocked");
        actor.Tell("queued-1", TestActor);
        actor.Tell("queued-2", TestActor);

        Sys.Stop(actor);
        gate.SetResult();

        var messages = await ReceiveNAsync(3);
        Assert.Equal(["queued-1", "queued-2"], messages.OfType<DeadLetter>().Select(d => d.Message));
        Assert.Single(messages.OfType<Terminated>());
    }

    [Fact]
    public async Task Mailbox_GoesIdleBetweenEverySend_NoMessageIsStranded()
    {
        // Each send finds its mailbox just going idle: the race between a sender seeing
        // "scheduled" and the mailbox's run seeing "empty" is met hundreds of thousands of
        // times, on both cores at once; a lost wake-up leaves an Ask unanswered until its timeout.
        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var echo = Sys.ActorOf(Props.Create<Tests.Actors.EchoActor>());
            for (var i = 0; i < 100_000; i++)
            {
                Assert.Equal(i, await echo.Ask<int>(i, TimeSpan.FromSeconds(5)));
            }
        }));

        await Task.WhenAll(askers);
    }

    [Fact]
    public void WithMailbox_Unknown_FailsAtCreationNamingTheConfigPath()
    {
        var thrown = Assert.Throws<ActorIpcException>(() => Sys.ActorOf(Props.Create<Blocker2>().WithMailbox("nope")));

        Assert.Contains("actoripc.actor.mailboxes.nope", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDispatcher_Unknown_FailsAtCreationNamingTheConfigPath()
    {
        var thrown = Assert.Throws<ActorIpcException>(() => Sys.ActorOf(Props.Create<Blocker2>().WithDispatcher("nope")));

        Assert.Contains("actoripc.actor.dispatchers.nope", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedDispatcher_RunsOnADedicatedThread()
    {
        var actor = Sys.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("pinned"));

        var first = await actor.Ask<string>("thread");
        var second = await actor.Ask<string>("thread");

        Assert.StartsWith("actoripc-pinned", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    private sealed class Blocker(Task gate) : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (message is "block")
            {
                Sender.Tell("blocked", Self);

                // Deliberately blocks the actor so that its mailbox fills up behind it.
                gate.GetAwaiter().GetResult();
                return;
            }

            Sender.Tell(message, Self);
        }
    }

    private sealed class Blocker2 : ActorBase
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class ThreadReporter : ActorBase
    {
        protected override void OnReceive(object message) =>
            Sender.Tell($"{Thread.CurrentThread.Name}#{Environment.CurrentManagedThreadId}", Self);
    }
}
