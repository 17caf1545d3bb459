namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// The shared-secret handshake end to end: a node with another secret is refused at once with a
/// reason, and the refusing node goes on serving nodes that know its secret.
/// </summary>
public sealed class SharedSecretTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CapturingLoggerFactory _betaLog = new();
    private ActorSystem _alpha = null!;
    private Remoting _alphaRemoting = null!;
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private ActorSystem _gamma = null!;

    public async Task InitializeAsync()
    {
        (_alpha, _alphaRemoting) = await RemoteNodes.StartAsync("alpha", """actoripc.remote.secret = "x" """);
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta", """actoripc.remote.secret = "y" """, _betaLog);
        (_gamma, _) = await RemoteNodes.StartAsync("gamma", """actoripc.remote.secret = "y" """);
        _beta.ActorOf(RecordingEcho.Props(), "echo");
    }

    public async Task DisposeAsync()
    {
        await _alpha.Terminate();
        await _beta.Terminate();
        await _gamma.Terminate();
    }

    [Fact]
    public async Task Ask_PeerHasAnotherSecret_FailsAtOnceNamingThePeerAndTheSecret()
    {
        var path = $"{_betaRemoting.Address}/user/echo";

        // Whichever message crosses first (ResolveOne's Identify, or the Ask if resolving does
        // not ask the peer), it must fail at once: the Ask's 60 s timeout never comes into play.
        var thrown = await Assert.ThrowsAsync<MessageNotDeliveredException>(async () =>
        {
            var echo = await _alpha.ActorSelection(path).ResolveOne();
            await echo.Ask<string>("hello", TimeSpan.FromSeconds(60));
        }).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains(_betaRemoting.Address.ToString(), thrown.Message, StringComparison.Ordinal);
        Assert.Contains("secret", thrown.Reason, StringComparison.OrdinalIgnoreCase);
        var refused = await _betaLog.Logger.WaitForAsync(line => line.Contains("Refused a connection", StringComparison.Ordinal)).WaitAsync(Patience);
        Assert.Contains("secret", refused, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_AfterANodeWithAnotherSecretWasRefused_NodeWithTheRightSecretIsServed()
    {
        var path = $"{_betaRemoting.Address}/user/echo";
        await Assert.ThrowsAsync<MessageNotDeliveredException>(async () =>
        {
            var refused = await _alpha.ActorSelection(path).ResolveOne();
            await refused.Ask<string>("hello", TimeSpan.FromSeconds(60));
        }).WaitAsync(TimeSpan.FromSeconds(15));

        var echo = await _gamma.ActorSelection(path).ResolveOne();

        Assert.Equal("still here", await echo.Ask<string>("still here", Patience));
    }
}
