namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Code awaiting an Ask whose reply came from another process runs on the connection's read
/// thread, and its sends go out when its turn ends. Heartbeats, which would also flush a
/// writer, are a minute apart here, so nothing but the read threads' watchdog sends early.
/// </summary>
public sealed class InlineContinuationTests : TwoNodesTest
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
