using System.Text.RegularExpressions;
using ActorIpc.FleetChild;
using Xunit.Abstractions;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>Replicas that exit, grow past their memory limit, hang, or are restarted on request.</summary>
public sealed partial class FleetRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartAsync_AReplicaThatKeepsCrashing_IsRestartedWithGrowingBackoffThenFailsNamingItsExitAndLastLines()
    {
        await using var parent = await FleetParent.StartAsync("""
            actoripc.processes.crasher {
              arguments = [ crash, "3" ]
              restart { min-backoff = 50ms, max-backoff = 150ms, random-factor = 0, max-restarts = 3, within = 1m }
            }
            """);

        var error = await Assert.ThrowsAsync<ReplicaFailedException>(() => parent.Fleet.StartAsync().WaitAsync(Patience));
        output.WriteLine(error.Message);

        Assert.Equal(("crasher", 0), (error.Name, error.Replica));
        Assert.Equal(3, error.LastExit!.ExitCode);
        Assert.Null(error.LastExit.Signal);
        Assert.StartsWith("crasher#0 failed: it ended again after 3 restarts within 60 s (restart.max-restarts = 3", error.Message, StringComparison.Ordinal);
        Assert.Contains($"last: process {error.LastExit.ProcessId} exited with code 3: it exited by itself", error.Message, StringComparison.Ordinal);
        Assert.Contains($"crasher#0 (pid {error.LastExit.ProcessId}): crashing on purpose, process {error.LastExit.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"crasher#0 (pid {error.LastExit.ProcessId}) stderr: fatal: the test asked for it", error.Message, StringComparison.Ordinal);

        // Four processes, each waited for longer than the last: 50, 100, then 150 ms (the cap).
        var notes = error.LastLines.Where(l => l.Source == LogSource.Supervisor).Select(l => l.Text).ToArray();
        Assert.Equal(4, notes.Count(n => n.StartsWith("started process", StringComparison.Ordinal)));
        Assert.Equal(["50 ms", "100 ms", "150 ms"], notes.Select(n => RestartingIn().Match(n)).Where(m => m.Success).Select(m => m.Groups[1].Value));
        var status = parent.Fleet.Status.Find("crasher", 0)!;
        Assert.Equal((ReplicaState.Failed, 3, (int?)null), (status.State, status.Restarts, status.ProcessId));
        Assert.Equal(error.LastExit, status.LastExit);
    }

    [Fact]
    public async Task ReplicaOverItsMemoryLimit_IsRestartedGracefullyAndTheLogSaysTheFigure()
    {
        await using var parent = await FleetParent.StartAsync("""
            actoripc.processes.hog {
              arguments = [ hog, "300" ]
              memory-limit = 250 MiB
              restart.max-restarts = 100
            }
            """);
        await parent.Fleet.StartAsync().WaitAsync(Patience);
        var first = parent.Fleet.Status.Find("hog", 0)!.ProcessId;

        var restarted = await parent.WaitForAsync(s => s.Find("hog", 0) is { LastExit: { } exit } && exit.ProcessId == first, Patience);

        var exit = restarted.Find("hog", 0)!.LastExit!;
        output.WriteLine(exit.ToString());
        Assert.Matches(@"^resident memory \d+(\.\d)? MiB is over its memory-limit of 250 MiB: asked to stop, to be restarted$", exit.Cause);
        Assert.Equal(0, exit.ExitCode);
        var note = parent.Fleet.LastLines("hog", 0).Single(l => l.Source == LogSource.Supervisor && l.ProcessId == first && l.Text.StartsWith("resident memory", StringComparison.Ordinal));
        var resident = double.Parse(MiB().Match(note.Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resident, 250, 1000);
    }

    [Fact]
    public async Task HungReplica_ThatStopsAnsweringProbes_IsKilledAndRestarted()
    {
        await using var parent = await FleetParent.StartAsync("""
            actoripc.processes.echo.health { interval = 200ms, timeout = 300ms, failures = 2 }
            """);
        await parent.Fleet.StartAsync().WaitAsync(Patience);
        var hung = parent.Fleet.Status.Find("echo", 0)!.ProcessId!.Value;

        // A stopped process keeps its sockets open: to the cluster it is there, it just never answers.
        Assert.True(OsProcess.Signal(hung, OsProcess.SigStop));
        var back = await parent.WaitForAsync(s => s.Find("echo", 0) is { State: ReplicaState.Ready, ProcessId: { } pid } && pid != hung, Patience);

        var exit = back.Find("echo", 0)!.LastExit!;
        output.WriteLine(exit.ToString());
        Assert.Equal((hung, 9), (exit.ProcessId, exit.Signal));
        Assert.Equal("killed: hung, 2 health probes in a row unanswered within 300 ms each", exit.Cause);
        Assert.Contains(parent.Fleet.LastLines("echo", 0), l => l.ProcessId == hung && l.Text == "health probe 1 of 2 unanswered within 300 ms");
        Assert.Equal("echo#0", (await parent.Invoker.Ask<string>(new ServiceKey<string>(ChildConfig.EchoKey), "x"))[..6]);
    }

    [Fact]
    public async Task ReplicaNotReadyInTime_IsKilledAsAFailedStart()
    {
        await using var parent = await FleetParent.StartAsync("""
            actoripc.processes.late {
              keys = [ "a-key-nobody-registers" ]
              ready-timeout = 2s
              restart.max-restarts = 0
            }
            """);

        var error = await Assert.ThrowsAsync<ReplicaFailedException>(() => parent.Fleet.StartAsync().WaitAsync(Patience));

        output.WriteLine(error.Message);
        Assert.Equal(9, error.LastExit!.Signal);
        Assert.Equal("killed: not ready within 2 s (ready-timeout): no callee of a-key-nobody-registers was registered there", error.LastExit.Cause);
        Assert.StartsWith("late#0 failed: it ended and its restart policy allows no restart (restart.max-restarts = 0)", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^restarting in (\d+ ms):")]
    private static partial Regex RestartingIn();

    [GeneratedRegex(@"resident memory (\d+(?:\.\d)?) MiB")]
    private static partial Regex MiB();
}
