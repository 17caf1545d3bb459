using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>A peer that could not be dialled becomes reachable as soon as it connects to this node.</summary>
public sealed class PeerComesUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task APeerThatWasDownAndThenDialsIn_IsReachableAtOnce_NotAfterTheBackoff()
    {
        var betaName = $"beta-{Guid.NewGuid():N}";

        // A backoff far longer than the test: only the peer's own connection can lift the gate.
        var (alpha, alphaRemoting) = await RemoteNodes.StartAsync("alpha", "actoripc.remote.reconnect-backoff { min = 10m, max = 10m }");
        ActorSystem? beta = null;
        try
        {
            var kit = new TestKitBase(alpha);
            var betaPath = $"{alphaRemoting.Address.Protocol}://beta@{betaName}/user/echo";
            var dead = await Assert.ThrowsAnyAsync<ActorIpcException>(() => alpha.ActorSelection(betaPath).ResolveOne(TimeSpan.FromSeconds(30))).WaitAsync(Patience);
            Assert.Contains("beta", dead.Message, StringComparison.Ordinal);

            (beta, _) = await RemoteNodes.StartAsync("beta", $"actoripc.remote.unix.name = \"{betaName}\"");
            beta.ActorOf(RecordingEcho.Props(), "echo");
            beta.ActorSelection(alphaRemoting.Address + kit.TestActor.Path.ToStringWithoutAddress()).Tell("beta is up");
            Assert.Equal("beta is up", await kit.ExpectMsgAsync<string>());

            var echo = await alpha.ActorSelection(betaPath).ResolveOne(TimeSpan.FromSeconds(30)).WaitAsync(Patience);
            Assert.Equal("hello again", await echo.Ask<string>("hello again", TimeSpan.FromSeconds(30)).WaitAsync(Patience));
        }
        finally
        {
            if (beta is not null)
            {
                await beta.Terminate();
            }

            await alpha.Terminate();
        }
    }

    [Fact]
    public async Task APeerOnThisHostThatWasDown_IsReachableOnceItBindsItsSocket_WithoutDiallingIn()
    {
        var betaName = $"beta-{Guid.NewGuid():N}";
        var (alpha, alphaRemoting) = await RemoteNodes.StartAsync("alpha", "actoripc.remote.reconnect-backoff { min = 10m, max = 10m }");
        ActorSystem? beta = null;
        try
        {
            var betaPath = $"{alphaRemoting.Address.Protocol}://beta@{betaName}/user/echo";
            await Assert.ThrowsAnyAsync<ActorIpcException>(() => alpha.ActorSelection(betaPath).ResolveOne(TimeSpan.FromSeconds(30))).WaitAsync(Patience);

            // Beta never sends to alpha: only its socket file tells alpha it is back.
            (beta, _) = await RemoteNodes.StartAsync("beta", $"actoripc.remote.unix.name = \"{betaName}\"");
            beta.ActorOf(RecordingEcho.Props(), "echo");

            var echo = await alpha.ActorSelection(betaPath).ResolveOne(TimeSpan.FromSeconds(30)).WaitAsync(Patience);
            Assert.Equal("back", await echo.Ask<string>("back", TimeSpan.FromSeconds(30)).WaitAsync(Patience));
        }
        finally
        {
            if (beta is not null)
            {
                await beta.Terminate();
            }

            await alpha.Terminate();
        }
    }
}
