using System.Runtime.Versioning;
using System.Text.Json;
using ActorIpc.FleetChild;
using ActorIpc.MultiProcess.Tests;

namespace ActorIpc.Cli.Tests;

/// <summary><c>actoripc run</c> as a process with real replicas, and the client commands against it over its control socket.</summary>
[Collection(FleetTestsCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class FleetRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ThenStatusLogsRestartAndStop_EachDoesItsPartOverTheControlSocket()
    {
        using var dir = new TempDirectory();
        var topology = FleetTopology.Write(dir, "shop.conf", "worker { replicas = 2 }");
        var runtime = Path.Combine(dir.Path, "run");
        var control = Path.Combine(runtime, "actoripc");
        await using var run = FleetRunProcess.Start(runtime, topology);
        await run.WaitForLineAsync(line => line == "fleet shop ready: 2 replicas", Patience);
        var first = run.Children.Order().ToArray();
        Assert.Equal(2, first.Length);

        // The socket and its directory are the user's only.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(control, "shop.sock")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(control));

        // status, without --name: the one fleet running.
        var status = await CliRunner.RunInAsync(control, "status");
        Assert.True(status.ExitCode == 0, status.Stderr);
        var rows = status.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(["NAME", "REPLICA", "PID", "STATE", "RESTARTS", "UPTIME", "MEMORY", "CALLS/S"], rows[0]);
        Assert.Equal([$"worker 0 Ready 0", $"worker 1 Ready 0"], rows[1..].Select(r => $"{r[0]} {r[1]} {r[3]} {r[4]}"));
        Assert.Equal(first, rows[1..].Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).Order());

        var json = await StatusJsonAsync(control);
        Assert.True(json.GetProperty("allReady").GetBoolean());
        Assert.Equal(first, json.GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("processId").GetInt32()).Order());

        // logs: the last line of each replica, and all of them.
        var last = await CliRunner.RunInAsync(control, "logs", "worker", "-n", "1", "--name", "shop");
        Assert.True(last.ExitCode == 0, last.Stderr);
        var lastLines = last.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lastLines.Length);
        Assert.All(first, pid => Assert.Single(lastLines, l => l.StartsWith($"worker#", StringComparison.Ordinal) && l.Contains($" (pid {pid})", StringComparison.Ordinal)));
        var all = await CliRunner.RunInAsync(control, "logs", "worker", "--replica", "1");
        var pid1 = json.GetProperty("replicas")[1].GetProperty("processId").GetInt32();
        Assert.Contains($"worker#1 (pid {pid1}): serving as worker#1:{pid1}:", all.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("worker#0", all.Stdout, StringComparison.Ordinal);

        // restart: an unknown process is refused; a known one gets new processes, one at a time.
        var unknown = await CliRunner.RunInAsync(control, "restart", "nope");
        Assert.Equal((1, "actoripc: the topology (actoripc.processes) has no process 'nope'; it has: worker\n"), (unknown.ExitCode, unknown.Stderr));
        var restart = await CliRunner.RunInAsync(control, "restart", "worker");
        Assert.True(restart.ExitCode == 0, restart.Stderr);
        json = await StatusJsonAsync(control);
        var second = json.GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("processId").GetInt32()).ToArray();
        Assert.Empty(second.Intersect(first));
        Assert.All(json.GetProperty("replicas").EnumerateArray(), r => Assert.Equal(("Ready", 1), (r.GetProperty("state").GetString(), r.GetProperty("restarts").GetInt32())));
        Assert.Equal($"restarted worker:\n  worker#0 pid {second[0]} Ready (restarts 1)\n  worker#1 pid {second[1]} Ready (restarts 1)\n", restart.Stdout);
        Assert.All(second, pid => Assert.Contains(run.Stdout, l => l.EndsWith($" pid {pid} Ready", StringComparison.Ordinal)));

        // invoke: a replica's published object, called by the run process.
        var invoke = await CliRunner.RunInAsync(control, "invoke", ChildConfig.GreeterName, "Greet", "[\"ada\"]");
        Assert.True(invoke.ExitCode == 0, invoke.Stderr);
        Assert.Matches($"^\"hello ada from worker#[01]:({second[0]}|{second[1]}):\"\n$", invoke.Stdout);

        // logs -f follows until the fleet stops; stop returns once the run process has ended.
        var followed = new FirstLineWriter();
        var follower = Task.Run(() => CliApp.Run(["logs", "-f", "-n", "1"], followed, TextWriter.Null, control));
        await followed.FirstLine.WaitAsync(Patience);
        var stop = await CliRunner.RunInAsync(control, "stop");

        Assert.Equal((0, "fleet shop stopped\n"), (stop.ExitCode, stop.Stdout));
        Assert.Equal(0, await run.WaitForExitAsync(Patience));
        Assert.Equal("fleet shop stopped (asked on its control socket)", run.Stdout[^1]);
        Assert.Equal(0, await follower.WaitAsync(Patience));
        Assert.Contains("exited with code 0: asked to stop: the fleet stops", followed.ToString(), StringComparison.Ordinal);
        Assert.All(first.Concat(second), pid => Assert.False(OsProcess.IsAlive(pid), $"replica process {pid} outlived the stop"));
        Assert.False(File.Exists(Path.Combine(control, "shop.sock")));
    }

    [Theory]
    [InlineData(2, "SIGINT")]
    [InlineData(15, "SIGTERM")]
    public async Task Run_Signal_StopsTheFleetLastDeclaredFirstAndExitsZero(int signal, string name)
    {
        using var dir = new TempDirectory();
        var topology = FleetTopology.Write(dir, "pair.conf", "first { }\nsecond { }");
        await using var run = FleetRunProcess.Start(Path.Combine(dir.Path, "run"), topology, "--name", "signalled");
        await run.WaitForLineAsync(line => line == "fleet signalled ready: 2 replicas", Patience);
        var children = run.Children;

        Assert.True(OsProcess.Signal(run.Id, signal));

        Assert.True(await run.WaitForExitAsync(Patience) == 0, run.Describe());
        var output = run.Stdout;
        Assert.Contains($"fleet signalled stopping ({name})", output);
        Assert.Equal($"fleet signalled stopped ({name})", output[^1]);
        var second = output.ToList().FindIndex(l => l.StartsWith("second#0 Stopped: process ", StringComparison.Ordinal));
        var first = output.ToList().FindIndex(l => l.StartsWith("first#0 Stopped: process ", StringComparison.Ordinal));
        Assert.True(second >= 0 && second < first, $"second stopped before first:\n{run.Describe()}");
        Assert.EndsWith("exited with code 0: asked to stop: the fleet stops", output[first], StringComparison.Ordinal);
        Assert.All(children, pid => Assert.False(OsProcess.IsAlive(pid), $"replica process {pid} outlived the stop"));
        Assert.False(File.Exists(Path.Combine(dir.Path, "run", "actoripc", "signalled.sock")));
    }

    private static async Task<JsonElement> StatusJsonAsync(string control)
    {
        var (code, stdout, stderr) = await CliRunner.RunInAsync(control, "status", "--json", "--name", "shop");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }
}
