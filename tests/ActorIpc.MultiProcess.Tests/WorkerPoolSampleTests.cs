using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorIpc.MultiProcess.Tests;

public sealed class WorkerPoolSampleTests
{
    /// <summary>How long after the kill calls may still fail, and the fleet may take to see the exit, on a busy machine (about 30–60 ms here).</summary>
    private const int RerouteBoundMs = 3000;

    /// <summary>How many calls of the plain key may fail: those in flight to the dead worker (0–4 here).</summary>
    private const int FailedBound = 10;

    [Fact]
    public async Task Sample_AWorkerKilledUnderLoad_CallsGoOnToTheOtherAndTheRestartedWorkerServes()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunAsync("WorkerPool", TimeSpan.FromSeconds(90));

        // Every worker process the sample named: the two it started with and the restarted one.
        var workers = Regex.Matches(stdout, @"pid (\d+)").Select(m => Number(m.Groups[1].Value)).Distinct().ToArray();
        try
        {
            Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
            var lines = new Queue<string>(stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            var started = Match(lines, @"^pool of 2 workers started from worker-pool\.conf: worker 0 \(pid (\d+)\) and worker 1 \(pid (\d+)\), ready after \d+\.\d\d s$");
            var (survivor, victim) = (started[1], started[2]);
            Match(lines, @"^calling 'work' and 'work-idempotent' \(idempotent\) every 5 ms each; both workers answer$");
            Match(lines, $@"^worker 1 \(pid {victim}\) killed with SIGKILL$");
            var seen = Number(Match(lines, $@"^the fleet saw it (\d+) ms after the kill: process {victim} killed by SIGKILL \(exit code 137\): it exited by itself$")[1]);
            var rerouted = Number(Match(lines, $@"^calls re-routed to worker 0 (\d+) ms after the kill: no call went to pid {victim} from then on$")[1]);
            var restart = Match(lines, @"^worker 1 restarted by the fleet as pid (\d+), (\d+) ms after the kill$");
            var replacement = restart[1];
            var serving = Number(Match(lines, $@"^worker 1 \(pid {replacement}\) serving again (\d+) ms after the kill$")[1]);
            Assert.DoesNotContain(replacement, new[] { survivor, victim });
            Assert.InRange(seen, 0, RerouteBoundMs);
            Assert.InRange(rerouted, 0, RerouteBoundMs);
            Assert.InRange(serving, Number(restart[2]), 15_000);

            // Only calls of the key that is not idempotent fail, each with the error that says the worker's process went away.
            var failures = Match(lines, @"^failed calls: (\d+) of 'work', (\d+) of 'work-idempotent'$");
            var failed = Number(failures[1]);
            Assert.InRange(failed, 0, FailedBound);
            Assert.Equal("0", failures[2]);
            Match(lines, failed == 0
                ? "^first failure: none$"
                : $@"^first failure: CalleeTerminatedException: the callee akka\.tcp://worker-pool@127\.0\.0\.1:\d+/user/worker \(process {victim}\) of 'work' went away while a CountPrimes call was in flight \(after .+\): .+$");

            // Who answered: both workers before the kill, the survivor alone meanwhile, the replacement since.
            var before = Match(lines, $@"^answered before the kill: worker 0 \(pid {survivor}\) (\d+), worker 1 \(pid {victim}\) (\d+)$");
            var meanwhile = Match(lines, $@"^answered from the kill until worker 1 served again: worker 0 \(pid {survivor}\) (\d+), worker 1 \(pid {victim}\) (\d+)$");
            var since = Match(lines, $@"^answered since: worker 0 \(pid {survivor}\) (\d+), worker 1 \(pid {replacement}\) (\d+)$");
            Assert.True(Number(before[1]) >= 50 && Number(before[2]) >= 50, stdout);
            Assert.True(Number(meanwhile[1]) >= 1, stdout);

            // Only an answer already on its way when the process died can arrive after the kill.
            Assert.InRange(Number(meanwhile[2]), 0, 2);
            Assert.True(Number(since[2]) >= 1, stdout);

            var summary = Match(lines, @"^calls: (\d+) made, (\d+) answered, (\d+) failed \(0 failed for idempotent keys\)$");
            var (made, answered) = (Number(summary[1]), Number(summary[2]));
            Assert.Equal(failed, Number(summary[3]));
            Assert.Equal(made, answered + failed);
            Assert.Equal(answered, new[] { before, meanwhile, since }.Sum(span => Number(span[1]) + Number(span[2])));
            Match(lines, "^workers stopped; none left running$");
            Assert.Empty(lines);

            // The sample's word is checked: none of its workers runs any more.
            Assert.Equal(3, workers.Length);
            Assert.All(workers, pid => Assert.False(OsProcess.IsAlive(pid), $"worker process {pid} is still running"));
        }
        finally
        {
            foreach (var pid in workers.Where(pid => OsProcess.IsAlive(pid) && IsWorker(pid)))
            {
                OsProcess.Signal(pid, OsProcess.SigKill);
            }
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Takes the next line, which must match <paramref name="pattern"/>; returns its groups' values.</summary>
    private static string[] Match(Queue<string> lines, string pattern)
    {
        Assert.True(lines.TryDequeue(out var line), $"no line left for {pattern}");
        var match = Regex.Match(line, pattern);
        Assert.True(match.Success, $"'{line}' does not match {pattern}");
        return [.. match.Groups.Values.Select(g => g.Value)];
    }

    // A process id the sample printed may only be killed while it is still the sample's worker.
    private static bool IsWorker(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Contains("WorkerPool.dll", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
