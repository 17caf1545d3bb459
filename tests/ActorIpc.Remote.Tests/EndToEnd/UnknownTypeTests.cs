using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// A message whose type the sender binds but the receiver neither binds nor allows: the receiver
/// refuses it (never creating it) with a log line naming the type and the sender, and the
/// connection carries the messages after it.
/// </summary>
public sealed class UnknownTypeTests : TwoNodesTest
{
    private readonly CapturingLoggerFactory _alphaLog = new();
    private readonly CapturingLoggerFactory _betaLog = new();

    protected override string AlphaConfig => """
        actoripc.actor.serialization-bindings {
          "ActorIpc.Remote.Tests.EndToEnd.Smuggled, ActorIpc.Remote.Tests" = json
        }
        """;

    protected override ILoggerFactory AlphaLog => _alphaLog;

    protected override ILoggerFactory BetaLog => _betaLog;

    [Fact]
    public async Task Ask_TypeNotAllowedOnReceiver_FailsAtOnceNamingTheManifest_NotAtItsTimeout()
    {
        Beta.ActorOf(RecordingEcho.Props(), "refuser");
        var refuser = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/refuser").ResolveOne();

        var failure = await Assert.ThrowsAnyAsync<ActorIpcException>(() => refuser.Ask<Smuggled>(new Smuggled("contraband"), TimeSpan.FromMinutes(5))).WaitAsync(Patience);

        Assert.Contains("refused", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ActorIpc.Remote.Tests.EndToEnd.Smuggled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_TypeNotAllowedOnReceiver_RefusedThereAndTheConnectionCarriesTheNextMessages()
    {
        Beta.ActorOf(RecordingEcho.Props(BetaKit.TestActor), "recorder");
        var recorder = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/recorder").ResolveOne();

        recorder.Tell(new Smuggled("contraband"), AlphaKit.TestActor);
        recorder.Tell(new Greeting("after", 1), AlphaKit.TestActor);

        // One connection delivers in order: the Greeting arriving first means the Smuggled never did.
        Assert.Equal(new Greeting("after", 1), await BetaKit.ExpectMsgAsync<Greeting>(Patience));
        Assert.Equal(new Greeting("after", 1), await AlphaKit.ExpectMsgAsync<Greeting>(Patience));
        Assert.Equal("still up", await recorder.Ask<string>("still up", Patience));
        Assert.Equal("still up", await BetaKit.ExpectMsgAsync<string>(Patience));

        var refusal = Assert.Single(_betaLog.Logger.Lines, line => line.Contains("Dropped a message", StringComparison.Ordinal));
        Assert.Contains("ActorIpc.Remote.Tests.EndToEnd.Smuggled", refusal, StringComparison.Ordinal);
        Assert.Contains(AlphaRemoting.Address.ToString(), refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(_betaLog.Logger.Lines, line => line.Contains("Closing the connection", StringComparison.Ordinal));
        Assert.Single(_alphaLog.Logger.Lines, line => line.Contains($"Connected to {BetaRemoting.Address}", StringComparison.Ordinal));
    }
}
