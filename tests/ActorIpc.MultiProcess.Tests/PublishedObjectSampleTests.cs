namespace ActorIpc.MultiProcess.Tests;

public sealed class PublishedObjectSampleTests
{
    [Fact]
    public async Task Sample_WorkerPublishesAndParentCallsThroughAProxy_PrintsResultsAndTheRemoteError()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("PublishedObject", TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(
            [
                "worker published ICalculator as 'calculator'",
                "Add(2, 3) -> 5",
                "Divide(10, 4) -> 2.5",
                "Summarize([4, 8, 15, 16, 23, 42]) -> Statistics { Count = 6, Min = 4, Max = 42, Mean = 18 }",
                "runs in the worker's process -> True",
                "Divide(1, 0) -> DivideByZeroException: cannot divide 1 by 0",
            ],
            stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
