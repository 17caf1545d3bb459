using ActorIpc.Cli.Benchmarks;

namespace ActorIpc.Cli.Tests;

public sealed class WarmUpTests
{
    [Fact]
    public async Task RunsUntilARoundCompilesNothingInEitherProcess()
    {
        var output = new StringWriter();
        var remote = new Queue<long>([0, 50, 80, 81, 81, 81]);
        var local = new Queue<long>([10, 40, 41, 41, 41, 41]);
        var lengths = new List<TimeSpan>();

        var rounds = await WarmUp.RunAsync(
            new BenchContext(output, Quick: false),
            length => { lengths.Add(length); return Task.CompletedTask; },
            () => Task.FromResult(remote.Dequeue()),
            CancellationToken.None,
            () => local.Dequeue());

        // Round 1 compiled 30 here and 50 there, round 2 compiled 1 here and 30 there, round 3
        // compiled nothing here and 1 there: quiet.
        Assert.Equal(3, rounds);
        Assert.Equal([WarmUp.Round, WarmUp.Round, WarmUp.Round], lengths);
        Assert.Matches(@"^warm-up: 3 rounds, \d+\.\d s, until the JIT was quiet in both processes\r?\n$", output.ToString());
    }

    [Fact]
    public async Task TheFirstRoundNeverCountsAsQuiet()
    {
        var output = new StringWriter();

        var rounds = await WarmUp.RunAsync(new BenchContext(output, Quick: false), _ => Task.CompletedTask, null, CancellationToken.None, () => 7);

        Assert.Equal(2, rounds);
        Assert.Contains("until the JIT was quiet\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJitThatKeepsCompiling_StopsAtTheRoundLimitAndSaysSo()
    {
        var output = new StringWriter();
        long compiled = 0;

        var rounds = await WarmUp.RunAsync(new BenchContext(output, Quick: false), _ => Task.CompletedTask, null, CancellationToken.None, () => compiled += 10);

        Assert.Equal(WarmUp.MaxRounds, rounds);
        Assert.Contains($"stopped after {WarmUp.MaxRounds} rounds", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("the JIT still compiling; the figures may be low", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuickPass_RunsOneShortRoundAndReadsEachCountOnce()
    {
        var output = new StringWriter();
        var lengths = new List<TimeSpan>();
        var (localReads, remoteReads) = (0, 0);

        var rounds = await WarmUp.RunAsync(
            new BenchContext(output, Quick: true),
            length => { lengths.Add(length); return Task.CompletedTask; },
            () => Task.FromResult((long)++remoteReads),
            CancellationToken.None,
            () => ++localReads);

        Assert.Equal(1, rounds);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], lengths);
        Assert.Equal((1, 1), (localReads, remoteReads));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 0, false)]
    [InlineData(0, 3, false)]
    public void IsQuiet_AtMostTwoMethodsInEachProcess(long here, long there, bool quiet) =>
        Assert.Equal(quiet, WarmUp.IsQuiet(here, there));
}
