using System.Text.RegularExpressions;

namespace ActorIpc.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_NoName_ListsEveryBenchmark()
    {
        var (code, stdout, _) = CliRunner.Run("bench");

        Assert.Equal(0, code);
        Assert.Contains("hocon", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_UnknownName_IsAUsageErrorNamingTheKnownOnes()
    {
        var (code, _, stderr) = CliRunner.Run("bench", "no-such-bench");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("no benchmark named 'no-such-bench'", stderr, StringComparison.Ordinal);
        Assert.Contains("hocon", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchHocon_Quick_EndsWithItsHeadlineLine()
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", "hocon", "--quick");

        Assert.True(code == 0, stderr);
        var last = stdout.TrimEnd().Split('\n')[^1];
        Assert.Matches(new Regex(@"^hocon: \d+(\.\d+)? ms$"), last);
    }
}
