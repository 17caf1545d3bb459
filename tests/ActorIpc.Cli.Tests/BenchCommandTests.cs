using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ActorIpc.Cli.Benchmarks.Remote;

namespace ActorIpc.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_NoName_ListsEveryBenchmark()
    {
        var (code, stdout, _) = CliRunner.Run("bench");

        Assert.Equal(0, code);
        var listed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        Assert.Equal(
            ["hocon", "local-pingpong", "local-ask", "spawn", "idle-memory", "remote-pingpong", "remote-tell", "remote-ask", "raw-socket"],
            listed);
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
    public void Bench_UnknownTransport_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("bench", "remote-tell", "--transport", "udp");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("udp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DoesNotListTheBenchNodeCommand()
    {
        var (_, stdout, _) = CliRunner.Run("--help");

        Assert.Contains("bench", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("bench-node", stdout, StringComparison.Ordinal);
    }

    // local-pingpong's headline is checked with its pair figures below (one quick run, not two).
    [Theory]
    [InlineData("hocon", "ms")]
    [InlineData("local-ask", "asks/s")]
    [InlineData("spawn", "actors/s")]
    [InlineData("idle-memory", "bytes")]
    public void BenchInProcess_Quick_EndsWithItsHeadlineLine(string name, string unit)
    {
        var lines = RunQuick(name);

        Assert.Matches(Headline(name, unit), lines[^1]);
    }

    [Fact]
    public void BenchLocalPingPong_Quick_PrintsAFigureForEachPairCount()
    {
        var lines = RunQuick("local-pingpong");

        // One figure per pair count, in order; the headline repeats the 64-pair figure.
        var pairs = lines
            .Select(line => Regex.Match(line, @"^  (\d+) pairs, best of 1 +(\d+(\.\d+)?) msgs/s$"))
            .Where(match => match.Success)
            .ToList();
        Assert.Equal([1, 2, 8, 64], pairs.Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Matches(Headline("local-pingpong", "msgs/s"), lines[^1]);
        Assert.Equal($"local-pingpong: {pairs[^1].Groups[2].Value} msgs/s", lines[^1]);
    }

    [Fact]
    public void Bench_FirstLine_NamesProcessorsAndGarbageCollector()
    {
        var first = RunQuick("hocon")[0];

        Assert.Matches(new Regex($@"^  {Environment.ProcessorCount} processors; (server GC, \d+ heaps, dynamic adaptation (on|off)|workstation GC), background GC (on|off)$"), first);
    }

    [Fact]
    public void Command_RunsWithServerGcAndNoDynamicAdaptation()
    {
        // The figures in the README and the issues come from the command as shipped: its runtime
        // configuration must keep the collector the benchmarks were measured with.
        var path = Path.Combine(AppContext.BaseDirectory, "ActorIpc.Cli.runtimeconfig.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    // Each runs against a node process started from the CLI built next to this test assembly;
    // the transports alternate so that both are covered without running every bench twice.
    [Theory]
    [InlineData("remote-pingpong", "unix", "msgs/s", null)]
    [InlineData("remote-tell", "tcp", "msgs/s", null)]
    [InlineData("remote-ask", "unix", "asks/s", "remote-ask-p50")]
    [InlineData("raw-socket", "tcp", "req/s", "raw-socket-p50")]
    public void BenchRemote_Quick_EndsWithItsHeadlineAndLeavesNoNodeProcess(string name, string transport, string unit, string? p50Name)
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", name, "--quick", "--transport", transport);

        Assert.True(code == 0, stderr + stdout);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Matches(Headline(name, unit), lines[^1]);
        if (p50Name is not null)
        {
            Assert.Matches(new Regex($@"^{Regex.Escape(p50Name)}: \d+(\.\d+)? us$"), lines[^2]);
        }

        var node = Regex.Match(stdout, @"^node process (\d+) at ", RegexOptions.Multiline);
        Assert.True(node.Success, stdout);
        var pid = int.Parse(node.Groups[1].Value, CultureInfo.InvariantCulture);

        // The header says which young-generation budget the node was started with.
        var budget = YoungGeneration.Describe(YoungGeneration.ForNode(Environment.GetEnvironmentVariable, YoungGeneration.CacheSizesHidden), Environment.GetEnvironmentVariable);
        Assert.Contains($"; {budget}", stdout, StringComparison.Ordinal);

        // The bench waited for the node to exit, so its id names no process any more.
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid).Dispose());
    }

    /// <summary>The closing line every benchmark prints: <c>name: number unit</c>.</summary>
    private static Regex Headline(string name, string unit) => new($@"^{Regex.Escape(name)}: \d+(\.\d+)? {Regex.Escape(unit)}$");

    /// <summary>Runs <c>bench NAME --quick</c>, which must succeed, and returns its output lines.</summary>
    private static string[] RunQuick(string name)
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", name, "--quick");

        Assert.True(code == 0, stderr + stdout);
        return stdout.TrimEnd().Split('\n');
    }
}
