namespace ActorIpc.MultiProcess.Tests;

public sealed class InvokerCalleeSampleTests
{
    [Fact]
    public async Task Sample_ParentAndWorkerProcesses_PrintResultsAndTheRemoteError()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("InvokerCallee", TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^worker \d+ is ready at akka\.tcp://invoker-callee@127\.0\.0\.1:\d+$", lines[0]);
        Assert.Matches(@"^sleep\(1000\) -> slept \d+ ms$", lines[1]);
        Assert.Equal("max(1, 2, 3) -> 3", lines[2]);
        Assert.Equal("fail -> InvalidOperationException: the input file is corrupt", lines[3]);
    }
}
