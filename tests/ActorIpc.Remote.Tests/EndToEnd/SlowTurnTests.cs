namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Sends to another process made in a turn go out when the turn ends, in one write: an actor's
/// run, or the turns of a read thread (code awaiting an Ask whose reply came from another
/// process runs there). Code that blocks in its turn on the answer to such a send must still
/// get it. Heartbeats, which would also flush a writer, are a minute apart here, so nothing but
/// the watchdog sends early.
/// </summary>
public sealed class SlowTurnTests : TwoNodesTest
{
    private const string RareHeartbeats = "actoripc.remote.heartbeat-interval = 60s";

    protected override string AlphaConfig => RareHeartbeats;

    protected override string BetaConfig => RareHeartbeats;

    [Fact]
    public async Task CodeAfterARemoteAsk_ThatWaitsForAnotherRemoteAsk_GetsItsAnswer()
    {
        Beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne(Patience);

        // The continuation runs on alpha's read thread and blocks until the second answer is
        // there: the watchdog must both send the second Ask and have the other thread read. The
        // echo holds the first answer until the continuation is in place. A read thread that
        // has no other to take over (that one still ending a slow turn, in a process that is
        // just compiling) leaves the continuation to the pool: every attempt must get its
        // answer, and one must have run on the read thread.
        for (var attempt = 1; ; attempt++)
        {
            var nested = echo.Ask<string>("first", Patience).ContinueWith(
                first => (Thread.CurrentThread.Name, first.Result, echo.Ask<string>("second", Patience).Wait(Patience)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            echo.Tell(Echo.Release);

            var (thread, firstAnswer, secondArrived) = await nested.WaitAsync(Patience * 2);
            Assert.Equal("first", firstAnswer);
            Assert.True(secondArrived, "the second Ask got no answer while the code that sent it waited");
            if (thread == "actoripc-read")
            {
                return;
            }

            Assert.True(attempt < 20, "no attempt of 20 ran its continuation on the read thread");
        }
    }

    [Fact]
    public async Task AnActorThatBlocksOnARemoteAskInItsTurn_GetsItsAnswer()
    {
        Beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne(Patience);
        var caller = Alpha.ActorOf(Props.Create(() => new BlockingCaller(echo)), "caller");

        // Twice: the second time the writer is idle and the connection long up.
        Assert.Equal("got one", await caller.Ask<string>("one", Patience * 2));
        Assert.Equal("got two", await caller.Ask<string>("two", Patience * 2));
    }

    [Fact]
    public async Task AnActorThatSendsThenBlocksOnARemoteAsk_GetsItsAnswer_AndItsMessagesStayInOrder()
    {
        var recorder = BetaKit.CreateTestProbe();
        Beta.ActorOf(RecordingEcho.Props(recorder.Ref), "recording");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/recording").ResolveOne(Patience);
        var caller = Alpha.ActorOf(Props.Create(() => new BlockingCaller(echo)), "caller");

        caller.Tell(new SendFirst(3));
        Assert.Equal("got four", await caller.Ask<string>("four", Patience * 2));

        Assert.Equal(["told 0", "told 1", "told 2", "four"], new[]
        {
            await recorder.ExpectMsgAsync<string>(Patience),
            await recorder.ExpectMsgAsync<string>(Patience),
            await recorder.ExpectMsgAsync<string>(Patience),
            await recorder.ExpectMsgAsync<string>(Patience),
        });
    }

    private sealed record SendFirst(int Count);

    // Asks the echo and blocks its turn until the answer is there, as code that calls .Result does.
    private sealed class BlockingCaller : ReceiveActor
    {
        public BlockingCaller(IActorRef echo)
        {
            Receive<SendFirst>(first =>
            {
                for (var i = 0; i < first.Count; i++)
                {
                    echo.Tell($"told {i}", ActorRefs.NoSender);
                }
            });
            Receive<string>(text => Sender.Tell("got " + echo.Ask<string>(text, Patience).GetAwaiter().GetResult(), Self));
        }
    }

    // Answers at once, except "first": that answer waits for Release.
    private sealed class Echo : ReceiveActor
    {
        public const string Release = "release";

        private IActorRef? _firstAsker;

        public Echo()
        {
            Receive<string>(message => message == "first", _ => _firstAsker = Sender);
            Receive<string>(message => message == Release, _ => _firstAsker?.Tell("first", Self));
            ReceiveAny(message => Sender.Tell(message, Self));
        }
    }
}
