using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

public sealed class RemotingTests : IAsyncLifetime
{
    private ActorSystem _alpha = null!;
    private Remoting _alphaRemoting = null!;
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private TestKitBase _kit = null!;

    public async Task InitializeAsync()
    {
        (_alpha, _alphaRemoting) = await RemoteNodes.StartAsync("alpha");
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta");
        _kit = new TestKitBase(_alpha);
    }

    public async Task DisposeAsync()
    {
        await _alpha.Terminate();
        await _beta.Terminate();
    }

    [Fact]
    public async Task Ask_AcrossProcesses_RepliesWithPrimitivesAndRecords()
    {
        _beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/echo").ResolveOne();

        Assert.Equal("hello", await echo.Ask<string>("hello", TimeSpan.FromSeconds(10)));
        Assert.Equal(new Greeting("hi", 3), await echo.Ask<Greeting>(new Greeting("hi", 3), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_RemoteActorThrows_CallerGetsTheRemoteError()
    {
        _beta.ActorOf(Props.Create<Echo>(), "echo");
        var echo = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/echo").ResolveOne();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => echo.Ask<string>(new Crash("disk full"), TimeSpan.FromSeconds(10)));

        Assert.Equal("disk full", thrown.Message);
    }

    [Fact]
    public async Task Watch_RemoteActorStops_TerminatedArrives()
    {
        var target = _beta.ActorOf(Props.Create<Echo>(), "watched");
        var remote = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/watched").ResolveOne();
        _kit.Watch(remote);

        // The watch must have reached beta before the stop: a round trip orders it.
        Assert.Equal("ping", await remote.Ask<string>("ping", TimeSpan.FromSeconds(10)));
        _beta.Stop(target);

        var terminated = await _kit.ExpectTerminatedAsync(remote, TimeSpan.FromSeconds(10));
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task PeerLost_WatchersGetAddressTerminatedAndWaitingAsksFailAtOnce()
    {
        _beta.ActorOf(Props.Create<Silent>(), "silent");
        var silent = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/silent").ResolveOne();
        _kit.Watch(silent);
        var ask = silent.Ask<string>("never answered", TimeSpan.FromSeconds(60));
        Assert.Equal("pong", await silent.Ask<string>("ping", TimeSpan.FromSeconds(10)));

        await _betaRemoting.DisposeAsync();

        var terminated = await _kit.ExpectTerminatedAsync(silent, TimeSpan.FromSeconds(15));
        Assert.True(terminated.AddressTerminated);
        var thrown = await Assert.ThrowsAsync<TargetTerminatedException>(() => ask.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.True(thrown.AddressTerminated);
    }

    [Fact]
    public async Task Ask_UnreachableAddress_FailsAtOnce()
    {
        var nowhere = _alpha.ActorSelection("actoripc.unix://ghost@ghost-does-not-exist/user/x");

        // Resolving asks the peer (Identify): the failed dial answers at once, not at the timeout.
        var thrown = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => nowhere.ResolveOne(TimeSpan.FromSeconds(60)).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Contains("cannot reach actoripc.unix://ghost@ghost-does-not-exist", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorRefInMessage_ArrivesAsAWorkingReference()
    {
        _beta.ActorOf(Props.Create<Echo>(), "forwarder");
        var forwarder = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/forwarder").ResolveOne();

        forwarder.Tell(new ForwardTo(_kit.TestActor, "via beta"), _kit.TestActor);

        Assert.Equal("via beta", await _kit.ExpectMsgAsync<string>(TimeSpan.FromSeconds(10)));
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

    private sealed class Silent : ReceiveActor
    {
        public Silent() => Receive<string>(s => s == "ping", _ => Sender.Tell("pong", Self));
    }
}
