namespace ActorIpc.Remote.Tests.EndToEnd;

public sealed class RemotingTests : TwoNodesTest
{

    [Fact]
    public async Task Ask_AcrossProcesses_RepliesWithPrimitivesAndRecords()
    {
        Beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne();

        Assert.Equal("hello", await echo.Ask<string>("hello", TimeSpan.FromSeconds(10)));
        Assert.Equal(new Greeting("hi", 3), await echo.Ask<Greeting>(new Greeting("hi", 3), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_TheCalleeSeesEachAsksPromiseByItsPathInTheAskersProcess()
    {
        Beta.ActorOf(Props.Create<TellsSenderPath>(), "who");
        var who = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/who").ResolveOne();

        var first = ActorPath.Parse(await who.Ask<string>("who asks?", TimeSpan.FromSeconds(10)));
        var second = ActorPath.Parse(await who.Ask<string>("who asks?", TimeSpan.FromSeconds(10)));

        Assert.Equal(AlphaRemoting.Address, first.Address);
        Assert.Equal(["temp", first.Name], first.Elements);
        Assert.Matches(@"^\$[1-9][0-9]*$", first.Name);
        Assert.Equal(first.Parent, second.Parent);
        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public async Task Ask_RemoteActorThrows_CallerGetsTheRemoteError()
    {
        Beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => echo.Ask<string>(new Crash("disk full"), TimeSpan.FromSeconds(10)));

        Assert.Equal("disk full", thrown.Message);
    }

    [Fact]
    public async Task Watch_RemoteActorStops_TerminatedArrives()
    {
        var target = Beta.ActorOf(Props.Create<Echo>(), "watched");
        var remote = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/watched").ResolveOne();
        AlphaKit.Watch(remote);

        // The watch must have reached beta before the stop: a round trip orders it.
        Assert.Equal("ping", await remote.Ask<string>("ping", TimeSpan.FromSeconds(10)));
        Beta.Stop(target);

        var terminated = await AlphaKit.ExpectTerminatedAsync(remote, TimeSpan.FromSeconds(10));
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task PeerLost_WatchersGetAddressTerminatedAndWaitingAsksFailAtOnce()
    {
        Beta.ActorOf(Props.Create<Silent>(), "silent");
        var silent = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/silent").ResolveOne();
        AlphaKit.Watch(silent);
        var ask = silent.Ask<string>("never answered", TimeSpan.FromSeconds(60));
        Assert.Equal("pong", await silent.Ask<string>("ping", TimeSpan.FromSeconds(10)));

        await BetaRemoting.DisposeAsync();

        var terminated = await AlphaKit.ExpectTerminatedAsync(silent, TimeSpan.FromSeconds(15));
        Assert.True(terminated.AddressTerminated);
        var thrown = await Assert.ThrowsAsync<TargetTerminatedException>(() => ask.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.True(thrown.AddressTerminated);
    }

    [Fact]
    public async Task Ask_UnreachableAddress_FailsAtOnce()
    {
        var nowhere = Alpha.ActorSelection("actoripc.unix://ghost@ghost-does-not-exist/user/x");

        // Resolving asks the peer (Identify): the failed dial answers at once, not at the timeout.
        var thrown = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => nowhere.ResolveOne(TimeSpan.FromSeconds(60)).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Contains("cannot reach actoripc.unix://ghost@ghost-does-not-exist", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorRefInMessage_ArrivesAsAWorkingReference()
    {
        Beta.ActorOf(Props.Create<Echo>(), "forwarder");
        var forwarder = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/forwarder").ResolveOne();

        forwarder.Tell(new ForwardTo(AlphaKit.TestActor, "via beta"), AlphaKit.TestActor);

        Assert.Equal("via beta", await AlphaKit.ExpectMsgAsync<string>(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AnActorThatBlocks_DoesNotStopItsConnection_AnotherActorStillAnswers()
    {
        // The read thread runs the blocking actor's turn itself; the connection must read on.
        using var gate = new ManualResetEventSlim();
        var blocking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Beta.ActorOf(Props.Create(() => new Blocks(gate, blocking)), "blocks");
        Beta.ActorOf(Props.Create<Echo>(), "echo");
        var blocker = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/blocks").ResolveOne();
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne();

        blocker.Tell("block");
        await blocking.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("still answered", await echo.Ask<string>("still answered", TimeSpan.FromSeconds(10)));
        Assert.False(gate.IsSet);
        gate.Set();
    }

    private sealed class Blocks : ReceiveActor
    {
        public Blocks(ManualResetEventSlim gate, TaskCompletionSource blocking) =>
            Receive<string>(_ =>
            {
                blocking.TrySetResult();
                gate.Wait(TimeSpan.FromSeconds(30));
            });
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<Crash>(crash => throw new InvalidOperationException(crash.Why));
            Receive<ForwardTo>(forward => forward.Target.Tell(forward.Text, Self));
            ReceiveAny(message => Sender.Tell(message, Self));
        }
    }

    private sealed class TellsSenderPath : ReceiveActor
    {
        public TellsSenderPath() => ReceiveAny(_ => Sender.Tell(Sender.Path.ToString(), Self));
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => Receive<string>(s => s == "ping", _ => Sender.Tell("pong", Self));
    }
}
