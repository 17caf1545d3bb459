using System.Net.Sockets;
using System.Runtime.Versioning;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Processes.Control;

/// <summary>The control socket's server and client in one process: where the socket is, who may use it, and what each request does.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FleetControlServerTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnly = OwnerReadWrite | UnixFileMode.UserExecute;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Start_ServesASocketOnlyItsOwnerMayUseInADirectoryOnlyItsOwnerMayEnter()
    {
        await using var control = await ControlNode.StartAsync();

        Assert.Equal(Path.Combine(control.Directory, "unit.sock"), control.Server.SocketPath);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(control.Server.SocketPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(control.Directory));
    }

    [Fact]
    public async Task Start_ADirectoryOthersMayEnter_IsMadeOwnerOnly()
    {
        using var scratch = new ScratchDirectory();
        var directory = Path.Combine(scratch.Path, "open");
        Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        await using var control = await ControlNode.StartAsync();

        await using (FleetControlServer.Start(control.Node.System, "other", directory))
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(directory));
        }
    }

    [Fact]
    public async Task Start_ASecondServerOfTheSameName_IsRefusedWhileTheFirstServes()
    {
        await using var control = await ControlNode.StartAsync();

        var error = Assert.Throws<FleetControlException>(() => FleetControlServer.Start(control.Node.System, ControlNode.FleetName, control.Directory));

        Assert.Equal($"a fleet named unit is already running: its socket {control.Server.SocketPath} answers", error.Message);
        Assert.NotNull(await control.Client.GetStatusAsync().WaitAsync(Patience));

        await control.Server.DisposeAsync();
        Assert.False(File.Exists(control.Server.SocketPath));
        await using var next = FleetControlServer.Start(control.Node.System, ControlNode.FleetName, control.Directory);
        Assert.NotNull(await control.Client.GetStatusAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Start_ASocketFileNothingAnswersOn_IsReplaced()
    {
        await using var control = await ControlNode.StartAsync();
        var stale = Path.Combine(control.Directory, "stale.sock");
        using (var killed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // A closed socket removes its file: moved away first, the file stays, as a killed process leaves it.
            killed.Bind(new UnixDomainSocketEndPoint(stale + ".bound"));
            File.Move(stale + ".bound", stale);
        }

        var before = await Assert.ThrowsAsync<FleetNotRunningException>(() => new FleetControlClient("stale", control.Directory).GetStatusAsync().WaitAsync(Patience));
        Assert.Equal($"no fleet named stale is running (nothing answers at {stale}: the process that served it ended without removing it)", before.Message);

        await using var server = FleetControlServer.Start(control.Node.System, "stale", control.Directory);

        Assert.Equal(3, (await new FleetControlClient("stale", control.Directory).GetStatusAsync().WaitAsync(Patience)).Replicas.Count);
        Assert.Equal(["stale", "unit"], FleetControlClient.FindRunning(control.Directory));
    }

    [Fact]
    public async Task Client_NoFleetOfThatName_SaysSoWithTheSocketsPath()
    {
        using var scratch = new ScratchDirectory();
        var client = new FleetControlClient("absent", scratch.Path);

        var error = await Assert.ThrowsAsync<FleetNotRunningException>(() => client.GetStatusAsync().WaitAsync(Patience));

        Assert.Equal($"no fleet named absent is running (no socket at {scratch.File("absent.sock")})", error.Message);
        Assert.Equal(("absent", scratch.File("absent.sock")), (error.Name, error.SocketPath));
        Assert.Empty(FleetControlClient.FindRunning(scratch.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("white space")]
    public void Client_NotAFleetName_IsRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new FleetControlClient(name, "/tmp"));

        Assert.StartsWith($"'{name}' is not a fleet name: 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RoundTripsEveryReplica()
    {
        await using var control = await ControlNode.StartAsync();

        var status = await control.Client.GetStatusAsync().WaitAsync(Patience);

        var local = Fleet.Get(control.Node.System).Status;
        Assert.Equal(local.Replicas, status.Replicas);
        Assert.Equal((local.At, local.KillsWithParent), (status.At, status.KillsWithParent));
    }

    [Fact]
    public async Task Restart_UnknownProcess_IsRefusedNamingTheTopology()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.RestartAsync("c").WaitAsync(Patience));

        Assert.Equal("the topology (actoripc.processes) has no process 'c'; it has: a, b", error.Message);
    }

    [Fact]
    public async Task Logs_UnknownProcessOrReplica_IsRefused()
    {
        await using var control = await ControlNode.StartAsync();

        var process = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.GetLogsAsync("c").ToArrayAsync().AsTask().WaitAsync(Patience));
        var replica = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.GetLogsAsync("b", replica: 2).ToArrayAsync().AsTask().WaitAsync(Patience));

        Assert.Equal("the topology (actoripc.processes) has no process 'c'; it has: a, b", process.Message);
        Assert.Equal("the topology has no replica 2 of b", replica.Message);
        Assert.Empty(await control.Client.GetLogsAsync("b", replica: 1).ToArrayAsync().AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task Logs_TheLastLinesOfEachReplica_InTheOrderTheyCame()
    {
        await using var control = await ControlNode.StartAsync();
        var fleet = Fleet.Get(control.Node.System);
        foreach (var (name, replica, text) in new[] { ("a", 0, "a1"), ("b", 1, "b1"), ("a", 0, "a2"), ("b", 1, "b2"), ("a", 0, "a3") })
        {
            fleet.Record(fleet.LogOf(name, replica), new ProcessLogLine(name, replica, 100 + replica, DateTimeOffset.UtcNow, LogSource.StandardOutput, text));
        }

        var all = await control.Client.GetLogsAsync(last: 2).ToArrayAsync().AsTask().WaitAsync(Patience);
        var a = await control.Client.GetLogsAsync("a", last: 5).ToArrayAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(["b#1 (pid 101): b1", "a#0 (pid 100): a2", "b#1 (pid 101): b2", "a#0 (pid 100): a3"], all.Select(l => l.ToString()));
        Assert.Equal(["a1", "a2", "a3"], a.Select(l => l.Text));
    }

    [Fact]
    public async Task Logs_Following_GetsEachNewLineAndEndsWhenTheServerStops()
    {
        await using var control = await ControlNode.StartAsync();
        var fleet = Fleet.Get(control.Node.System);
        var log = fleet.LogOf("b", 1);
        fleet.Record(log, new ProcessLogLine("b", 1, 7, DateTimeOffset.UtcNow, LogSource.StandardError, "kept"));
        await using var lines = control.Client.GetLogsAsync("b", last: 1, follow: true).GetAsyncEnumerator();

        Assert.True(await lines.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal("b#1 (pid 7) stderr: kept", lines.Current.ToString());
        var next = lines.MoveNextAsync().AsTask();
        fleet.Record(fleet.LogOf("a", 0), new ProcessLogLine("a", 0, 8, DateTimeOffset.UtcNow, LogSource.StandardOutput, "not b"));
        fleet.Record(log, new ProcessLogLine("b", 1, 7, DateTimeOffset.UtcNow, LogSource.StandardOutput, "new"));
        Assert.True(await next.WaitAsync(Patience));
        Assert.Equal("b#1 (pid 7): new", lines.Current.ToString());

        next = lines.MoveNextAsync().AsTask();
        await control.Server.DisposeAsync();

        Assert.False(await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task Stop_StopsTheFleetAndTheNodeAndRemovesTheSocket()
    {
        await using var control = await ControlNode.StartAsync();

        await control.Client.StopAsync().WaitAsync(Patience);

        await control.Node.System.WhenTerminated.WaitAsync(Patience);
        Assert.False(File.Exists(control.Server.SocketPath));
        Assert.IsType<FleetNotRunningException>(await Record.ExceptionAsync(() => control.Client.GetStatusAsync()));
    }
}
