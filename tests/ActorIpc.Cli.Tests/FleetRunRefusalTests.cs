namespace ActorIpc.Cli.Tests;

/// <summary><c>actoripc run</c> refusing a topology before anything starts, and the client commands without a fleet.</summary>
[Collection(FleetTestsCollection.Name)]
public sealed class FleetRunRefusalTests
{
    public static TheoryData<string, string, string> BadTopologies => new()
    {
        // A syntax error: the object is never closed.
        { "actoripc.processes {\n  worker {\n    replicas = 2\n", "4:1", "expected '}'" },

        // A setting that does not exist.
        { "actoripc.processes {\n  worker {\n    program = x.dll\n    replica = 2\n  }\n}\n", "4:15", "'replica' is not a setting here (known: program, " },

        // A value of the wrong type.
        { "actoripc.processes {\n  worker {\n    program = x.dll\n    replicas = many\n  }\n}\n", "4:16", "replicas" },

        // A program that does not exist, found once the node is up, before any child starts.
        { "actoripc.processes {\n  worker {\n    program = \"/nowhere/Worker.dll\"\n  }\n}\n", "3:15", "process 'worker': no such file /nowhere/Worker.dll (at actoripc.processes.worker.program)" },
    };

    [Theory]
    [MemberData(nameof(BadTopologies))]
    public async Task Run_BadTopology_PrintsFileLineAndColumnAndExitsOneBeforeStartingAnything(string topology, string position, string reason)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.conf", topology);
        var control = Path.Combine(dir.Path, "control");

        var (code, stdout, stderr) = await CliRunner.RunInAsync(control, "run", file);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.StartsWith($"{file}:{position}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(Path.Combine(control, "bad.sock")), "no control socket is left");
    }

    [Fact]
    public async Task Run_NoSuchFile_SaysSo()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "missing.conf");

        var (code, _, stderr) = await CliRunner.RunInAsync(dir.Path, "run", missing);

        Assert.Equal((CliApp.InvalidInput, $"actoripc: no such file: {missing}\n"), (code, stderr));
    }

    [Theory]
    [InlineData("status", "--name", "absent")]
    [InlineData("logs", "worker", "-f", "--name", "absent")]
    [InlineData("restart", "worker", "--name", "absent")]
    [InlineData("stop", "--name", "absent")]
    [InlineData("invoke", "calc", "Add", "[1]", "--name", "absent")]
    public void ClientCommand_NoFleetOfThatName_SaysWhereItsSocketWouldBe(params string[] args)
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = CliRunner.RunIn(dir.Path, args);

        Assert.Equal((CliApp.InvalidInput, ""), (code, stdout));
        Assert.Equal($"actoripc: no fleet named absent is running (no socket at {Path.Combine(dir.Path, "absent.sock")})\n", stderr);
    }

    [Fact]
    public void ClientCommand_NoFleetRunning_SaysSoNamingTheDirectory()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = CliRunner.RunIn(dir.Path, "status");

        Assert.Equal((CliApp.InvalidInput, $"actoripc: no fleet is running (no control socket answers in {dir.Path})\n"), (code, stderr));
    }
}
