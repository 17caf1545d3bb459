namespace ActorIpc.MultiProcess.Tests;

public sealed class CacheRefreshSampleTests
{
    [Fact]
    public async Task Sample_ParentAndTwoWorkerProcesses_EveryWorkerAcksTheBroadcastAndOneTheSendToOne()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("CacheRefresh", TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 4, stdout);
        Assert.Equal("2 workers subscribed to 'cache'", lines[0]);

        // The workers' acknowledgements arrive in either order.
        Assert.Equal(
            ["worker-1 refreshed its prices cache", "worker-2 refreshed its prices cache"],
            lines[1..3].Order(StringComparer.Ordinal));
        Assert.Matches(@"^one worker asked: worker-[12] refreshed its sessions cache$", lines[3]);
    }
}
