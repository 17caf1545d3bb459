using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// What remoting promises over a network transport, run once per transport: two systems that
/// listen only on it (loopback, port 0) ask and watch each other through it.
/// </summary>
public abstract class NetworkRemotingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorSystem _alpha = null!;
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private TestKitBase _kit = null!;

    /// <summary>The address protocol both nodes listen on (<c>actoripc.tcp</c>, <c>actoripc.tls</c>).</summary>
    protected abstract string Scheme { get; }

    /// <summary>The HOCON that makes a node listen on this transport only.</summary>
    protected abstract string TransportConfig { get; }

    public async Task InitializeAsync()
    {
        (_alpha, _) = await RemoteNodes.StartAsync("alpha", TransportConfig);
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta", TransportConfig);
        _kit = new TestKitBase(_alpha);
    }

    public async Task DisposeAsync()
    {
        await _alpha.Terminate();
        await _beta.Terminate();
    }

    [Fact]
    public async Task Ask_OverTheTransport_RepliesWithPrimitivesAndRecords()
    {
        Assert.Equal(Scheme, _betaRemoting.Address.Protocol);
        Assert.Equal("127.0.0.1", _betaRemoting.Address.Host);
        Assert.NotEqual(0, _betaRemoting.Address.Port);
        _beta.ActorOf(RecordingEcho.Props(), "echo");
        var echo = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/echo").ResolveOne();

        Assert.Equal("hello", await echo.Ask<string>("hello", Patience));
        Assert.Equal(new Greeting("hi", 3), await echo.Ask<Greeting>(new Greeting("hi", 3), Patience));
    }

    [Fact]
    public async Task Watch_RemoteActorStopsOverTheTransport_TerminatedArrives()
    {
        var target = _beta.ActorOf(RecordingEcho.Props(), "watched");
        var remote = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/watched").ResolveOne();
        _kit.Watch(remote);

        // The watch travels ahead of the Ask on the same connection: the reply proves it arrived.
        Assert.Equal("ping", await remote.Ask<string>("ping", Patience));
        _beta.Stop(target);

        var terminated = await _kit.ExpectTerminatedAsync(remote, Patience);
        Assert.Equal(remote.Path, terminated.ActorRef.Path);
        Assert.False(terminated.AddressTerminated);
    }
}
