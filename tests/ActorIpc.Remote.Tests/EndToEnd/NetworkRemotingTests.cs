namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// What remoting promises over a network transport, run once per transport: two systems that
/// listen only on it (loopback, port 0) ask and watch each other through it.
/// </summary>
public abstract class NetworkRemotingTests : TwoNodesTest
{

    /// <summary>The address protocol both nodes listen on (<c>actoripc.tcp</c>, <c>actoripc.tls</c>).</summary>
    protected abstract string Scheme { get; }

    /// <summary>The HOCON that makes a node listen on this transport only.</summary>
    protected abstract string TransportConfig { get; }

    protected override string AlphaConfig => TransportConfig;

    protected override string BetaConfig => TransportConfig;

    [Fact]
    public async Task Ask_OverTheTransport_RepliesWithPrimitivesAndRecords()
    {
        Assert.Equal(Scheme, BetaRemoting.Address.Protocol);
        Assert.Equal("127.0.0.1", BetaRemoting.Address.Host);
        Assert.NotEqual(0, BetaRemoting.Address.Port);
        Beta.ActorOf(RecordingEcho.Props(), "echo");
        var echo = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/echo").ResolveOne();

        Assert.Equal("hello", await echo.Ask<string>("hello", Patience));
        Assert.Equal(new Greeting("hi", 3), await echo.Ask<Greeting>(new Greeting("hi", 3), Patience));
    }

    [Fact]
    public async Task Watch_RemoteActorStopsOverTheTransport_TerminatedArrives()
    {
        var target = Beta.ActorOf(RecordingEcho.Props(), "watched");
        var remote = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/watched").ResolveOne();
        AlphaKit.Watch(remote);

        // The watch travels ahead of the Ask on the same connection: the reply proves it arrived.
        Assert.Equal("ping", await remote.Ask<string>("ping", Patience));
        Beta.Stop(target);

        var terminated = await AlphaKit.ExpectTerminatedAsync(remote, Patience);
        Assert.Equal(remote.Path, terminated.ActorRef.Path);
        Assert.False(terminated.AddressTerminated);
    }
}
