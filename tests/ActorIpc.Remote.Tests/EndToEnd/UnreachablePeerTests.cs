namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>What a node logs and does when a peer cannot be dialled.</summary>
public sealed class UnreachablePeerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Tell_ToAPeerWithNoSocket_LogsTheReasonAndTheBackoffInForce()
    {
        var log = new CapturingLoggerFactory();
        var (alpha, remoting) = await RemoteNodes.StartAsync("alpha", "actoripc.remote.reconnect-backoff { min = 300ms, max = 5s }", log);
        await using var _ = remoting;
        try
        {
            var ghost = remoting.Address.ToString().Replace("alpha-", "ghost-", StringComparison.Ordinal).Replace("://alpha@", "://ghost@", StringComparison.Ordinal);
            alpha.ActorSelection($"{ghost}/user/nobody").Tell("anyone there?");

            var line = await log.Logger.WaitForAsync(l => l.Contains("Cannot reach", StringComparison.Ordinal)).WaitAsync(Patience);

            Assert.Contains("ghost", line, StringComparison.Ordinal);

            // The first attempt failed: the next one waits the minimum, not the doubled value.
            Assert.Contains(TimeSpan.FromMilliseconds(300).ToString(), line, StringComparison.Ordinal);
        }
        finally
        {
            await alpha.Terminate();
        }
    }
}
