namespace ActorIpc.MultiProcess.Tests;

public sealed class InvokerCalleeSampleTests
{
    [Fact]
    public async Task Sample_ParentAndWorkerProcesses_PrintResultsAndTheRemoteError()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("InvokerCallee", TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^worker \d+ is ready at actoripc\.unix://worker@worker-\d+$", lines[0]);
        Assert.Matches(@"^sleep\(1000\) -> slept \d+ ms$", lines[1]);
        Assert.Equal("max(1, 2, 3) -> 3", lines[2]);
        Assert.Equal("fail -> InvalidOperationException: the input file is corrupt", lines[3]);
    }

    [Fact]
    public async Task Sample_BothProcessesExitNormally_TheirSocketFilesAreRemoved()
    {
        // A private XDG_RUNTIME_DIR (inherited by the worker) puts both socket files where the test can look.
        using var runtime = new PrivateRuntimeDirectory();
        var environment = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.Path };

        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("InvokerCallee", TimeSpan.FromSeconds(60), environment);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.True(Directory.Exists(runtime.SocketDirectory), $"the sample did not use {runtime.SocketDirectory}");
        Assert.Empty(Directory.GetFiles(runtime.SocketDirectory).Select(Path.GetFileName));
    }
}
