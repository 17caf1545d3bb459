using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// A message whose type the sender binds but the receiver neither binds nor allows: the receiver
/// refuses it (never creating it) with a log line naming the type and the sender, and the
/// connection carries the messages after it.
/// </summary>
public sealed class UnknownTypeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CapturingLoggerFactory _alphaLog = new();
    private readonly CapturingLoggerFactory _betaLog = new();
    private ActorSystem _alpha = null!;
    private Remoting _alphaRemoting = null!;
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private TestKitBase _alphaKit = null!;
    private TestKitBase _betaKit = null!;

    public async Task InitializeAsync()
    {
        (_alpha, _alphaRemoting) = await RemoteNodes.StartAsync(
            "alpha",
            """
            actoripc.actor.serialization-bindings {
              "ActorIpc.Remote.Tests.EndToEnd.Smuggled, ActorIpc.Remote.Tests" = json
            }
            """,
            _alphaLog);
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta", loggerFactory: _betaLog);
        _alphaKit = new TestKitBase(_alpha);
        _betaKit = new TestKitBase(_beta);
    }

    public async Task DisposeAsync()
    {
        await _alpha.Terminate();
        await _beta.Terminate();
    }

    [Fact]
    public async Task Ask_TypeNotAllowedOnReceiver_FailsAtOnceNamingTheManifest_NotAtItsTimeout()
    {
        _beta.ActorOf(RecordingEcho.Props(), "refuser");
        var refuser = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/refuser").ResolveOne();

        var failure = await Assert.ThrowsAnyAsync<ActorIpcException>(() => refuser.Ask<Smuggled>(new Smuggled("contraband"), TimeSpan.FromMinutes(5))).WaitAsync(Patience);

        Assert.Contains("refused", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ActorIpc.Remote.Tests.EndToEnd.Smuggled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_TypeNotAllowedOnReceiver_RefusedThereAndTheConnectionCarriesTheNextMessages()
    {
        _beta.ActorOf(RecordingEcho.Props(_betaKit.TestActor), "recorder");
        var recorder = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/recorder").ResolveOne();

        recorder.Tell(new Smuggled("contraband"), _alphaKit.TestActor);
        recorder.Tell(new Greeting("after", 1), _alphaKit.TestActor);

        // One connection delivers in order: the Greeting arriving first means the Smuggled never did.
        Assert.Equal(new Greeting("after", 1), await _betaKit.ExpectMsgAsync<Greeting>(Patience));
        Assert.Equal(new Greeting("after", 1), await _alphaKit.ExpectMsgAsync<Greeting>(Patience));
        Assert.Equal("still up", await recorder.Ask<string>("still up", Patience));
        Assert.Equal("still up", await _betaKit.ExpectMsgAsync<string>(Patience));

        var refusal = Assert.Single(_betaLog.Logger.Lines, line => line.Contains("Dropped a message", StringComparison.Ordinal));
        Assert.Contains("ActorIpc.Remote.Tests.EndToEnd.Smuggled", refusal, StringComparison.Ordinal);
        Assert.Contains(_alphaRemoting.Address.ToString(), refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(_betaLog.Logger.Lines, line => line.Contains("Closing the connection", StringComparison.Ordinal));
        Assert.Single(_alphaLog.Logger.Lines, line => line.Contains($"Connected to {_betaRemoting.Address}", StringComparison.Ordinal));
    }
}
