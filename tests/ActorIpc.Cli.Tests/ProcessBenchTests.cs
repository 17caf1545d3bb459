using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorIpc.Cli.Tests;

/// <summary>
/// The process benchmarks' quick passes, each a real run: a fleet of worker processes started from
/// the CLI built next to this test assembly (and, for failover's baseline, node processes). Every
/// process a run names must be gone when it returns; whatever is not is killed.
/// </summary>
public sealed class ProcessBenchTests
{
    [Fact]
    public void BenchFailover_Quick_PrintsItsFiguresAndHeadlinesAndLeavesNoProcess()
    {
        // Two replicas, one replacement, two baseline nodes.
        RunQuick("failover", 5, (stdout, lines) =>
        {
            // One ActorIpc round: the replica killed, the calls failed, re-routed and restarted.
            var round = Assert.Single(lines, l => l.StartsWith("  round 1: killed replica 0 ", StringComparison.Ordinal));
            Assert.Matches(@"^  round 1: killed replica 0 \(pid \d+\): re-routed after \d+ ms; \d+ of \d+ plain calls failed, 0 of \d+ idempotent; replacement pid \d+ served after \d+ ms \(the fleet saw the exit after \d+ ms, started a new process after \d+ ms, ready after \d+ ms\)", round);

            // The baseline's round, bounded at 3 s in a quick pass: Akka has not removed the member by then.
            Assert.Matches(new Regex(@"^  round 1: killed replica 1 \(pid \d+\): re-routed after (> 3000|\d+) ms; \d+ of \d+ plain calls failed.*; unreachable after (> 3000|\d+) ms, removed after (> 3000|\d+) ms$", RegexOptions.Multiline), stdout);
            Assert.Matches(new Regex(@"^  failed calls, idempotent key +0 / +0 / +0 calls +target 0$", RegexOptions.Multiline), stdout);

            Assert.InRange(Headline(lines[^3], "failover-failed", "calls"), 0, 10);
            Assert.InRange(Headline(lines[^2], "failover-restart", "ms"), 1, 15_000);
            Assert.InRange(Headline(lines[^1], "failover", "ms"), 0, 3_000);
        });
    }

    [Fact]
    public void BenchColdStart_Quick_PrintsARoundOfEachWayAndItsHeadlineAndLeavesNoProcess()
    {
        // A round with ActorIpc's tuning and one with Akka's defaults, four workers each.
        RunQuick("cold-start", 8, (stdout, lines) =>
        {
            var rounds = lines.Where(l => l.StartsWith("  round 1, ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, rounds.Length);
            Assert.Matches(@"^  round 1, ActorIpc's tuning: ready after \d+ ms, all 4 answered after \d+ ms \(pids \d+, \d+, \d+, \d+\)$", rounds[0]);
            Assert.Matches(@"^  round 1, Akka's defaults:  ready after \d+ ms, all 4 answered after \d+ ms \(pids \d+, \d+, \d+, \d+\)$", rounds[1]);
            Assert.Contains(lines, l => l.StartsWith("  Akka.NET baseline, Akka's cluster defaults (ActorIpc's reference tuning switched back): akka.cluster.", StringComparison.Ordinal));
            Assert.Matches(new Regex(@"^  Akka\.NET's cluster defaults \(baseline\) +\d+ / +\d+ / +\d+ ms$", RegexOptions.Multiline), stdout);
            Assert.InRange(Headline(lines[^1], "cold-start", "ms"), 1, 30_000);
        });
    }

    /// <summary>
    /// Runs <c>bench NAME --quick</c>, which must succeed and name <paramref name="processes"/>
    /// processes, none of them alive when it has returned; then <paramref name="check"/> on its
    /// output and lines. Whatever process it named that is still running is killed.
    /// </summary>
    private static void RunQuick(string name, int processes, Action<string, string[]> check)
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", name, "--quick");
        var pids = NamedProcesses(stdout);
        try
        {
            Assert.True(code == 0, stderr + stdout);
            check(stdout, stdout.TrimEnd().Split('\n'));
            Assert.Equal(processes, pids.Length);
            Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still running"));
        }
        finally
        {
            KillLeftovers(pids);
        }
    }

    /// <summary>The value of a headline line <c>name: number unit</c>, which <paramref name="line"/> must be.</summary>
    private static double Headline(string line, string name, string unit)
    {
        var match = Regex.Match(line, $@"^{Regex.Escape(name)}: (\d+(\.\d+)?) {Regex.Escape(unit)}$");
        Assert.True(match.Success, $"'{line}' is not the headline '{name}: N {unit}'");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Every process id the output names (<c>pid N</c>, <c>pids N, N</c>, <c>node process N</c>).</summary>
    private static int[] NamedProcesses(string stdout) =>
        [.. Regex.Matches(stdout, @"(?:pids? |node process )(\d+(?:, \d+)*)")
            .SelectMany(m => m.Groups[1].Value.Split(", "))
            .Select(pid => int.Parse(pid, CultureInfo.InvariantCulture))
            .Distinct()];

    private static bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    // A process id the run printed is only killed while it is still one of the benchmark's processes.
    private static void KillLeftovers(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Where(IsAlive))
        {
            try
            {
                var command = File.ReadAllText($"/proc/{pid}/cmdline");
                if (command.Contains("bench-worker", StringComparison.Ordinal) || command.Contains("bench-node", StringComparison.Ordinal))
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }
    }
}
