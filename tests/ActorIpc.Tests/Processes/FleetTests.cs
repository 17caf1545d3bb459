using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Processes;

/// <summary>The fleet in one process: what it refuses, and programs that cannot run. Real children run in ActorIpc.MultiProcess.Tests.</summary>
public sealed class FleetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_NoProcesses_CompletesAtOnce()
    {
        await using var node = await ActorIpcNode.StartAsync();
        var fleet = Fleet.Get(node.System);

        await fleet.StartAsync().WaitAsync(Patience);

        Assert.Empty(fleet.Status.Replicas);
        Assert.True(fleet.Status.AllReady);
        Assert.Empty(fleet.ProcessNames);
    }

    [Fact]
    public async Task StartAsync_AProgramThatDoesNotExist_IsRefusedWithItsPositionBeforeAnythingStarts()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("app.conf"), "actoripc.processes {\n  worker {\n    program = /nowhere/Worker.dll\n  }\n}\n");
        await using var node = await ActorIpcNode.StartAsync(new NodeOptions { ConfigFile = dir.File("app.conf") });

        var error = await Assert.ThrowsAsync<HoconException>(() => Fleet.Get(node.System).StartAsync());

        Assert.Equal((dir.File("app.conf"), 3, "actoripc.processes.worker.program"), (error.Origin, error.Line, error.Path));
        Assert.Equal(ReplicaState.Stopped, Fleet.Get(node.System).Status.Find("worker", 0)!.State);
    }

    [Fact]
    public async Task StartAsync_AProgramThatCannotRun_FailsTheReplicaWithTheStartsError()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("not-a-program"), "plain text");
        await using var node = await StartNodeAsync(dir.File("not-a-program"), killWithParent: false);
        var fleet = Fleet.Get(node.System);

        var error = await Assert.ThrowsAsync<ReplicaFailedException>(() => fleet.StartAsync().WaitAsync(Patience));

        Assert.Equal(("broken", 0, (int?)null), (error.Name, error.Replica, error.LastExit!.ProcessId));
        Assert.StartsWith($"could not start {dir.File("not-a-program")}: ", error.LastExit.Cause, StringComparison.Ordinal);
        Assert.Contains("failed: it ended again after 1 restarts", error.Message, StringComparison.Ordinal);
        Assert.Equal((ReplicaState.Failed, 1), (fleet.Status.Find("broken", 0)!.State, fleet.Status.Find("broken", 0)!.Restarts));
    }

    [Fact]
    public async Task StartAsync_AProgramThatCannotRunUnderSetpriv_FailsTheReplicaWithWhatSetprivSaid()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("not-a-program"), "plain text");
        await using var node = await StartNodeAsync(dir.File("not-a-program"), killWithParent: true);
        var fleet = Fleet.Get(node.System);
        Assert.True(fleet.Status.KillsWithParent, "setpriv (util-linux) is expected where the tests run, as on Debian");

        var error = await Assert.ThrowsAsync<ReplicaFailedException>(() => fleet.StartAsync().WaitAsync(Patience));

        Assert.NotEqual(0, error.LastExit!.ExitCode);
        Assert.Contains(error.LastLines, l => l.Source == LogSource.StandardError && l.Text.Contains("setpriv", StringComparison.Ordinal) && l.Text.Contains(dir.File("not-a-program"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownNames_AreRefusedNamingTheTopology()
    {
        var config = ConfigFactory.ParseString("actoripc.processes { a.program = /bin/true, b.program = /bin/true }", new ConfigParseOptions { Resolve = false });
        await using var node = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
        var fleet = Fleet.Get(node.System);

        var restart = await Assert.ThrowsAsync<ArgumentException>(() => fleet.RestartAsync("c"));
        Assert.StartsWith("the topology (actoripc.processes) has no process 'c'; it has: a, b", restart.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => fleet.LastLines("a", 1));
        Assert.Throws<ArgumentException>(() => fleet.FollowLogsAsync("c"));
        Assert.Empty(fleet.LastLines("a", 0));
    }

    private static Task<ActorIpcNode> StartNodeAsync(string program, bool killWithParent) =>
        ActorIpcNode.StartAsync(new NodeOptions
        {
            Config = ConfigFactory.ParseString(
                $"actoripc.fleet.kill-with-parent = {(killWithParent ? "on" : "off")}\nactoripc.processes.broken {{ program = \"{program}\", restart {{ max-restarts = 1, min-backoff = 0s }} }}",
                new ConfigParseOptions { Resolve = false }),
        });

    [Fact]
    public async Task StartAsync_ANodeWithABadTopology_IsRefusedWithThePositionBeforeTheSystemStarts()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("app.conf"), "actoripc.processes.worker {\n  program = Worker.dll\n  replicas = many\n}\n");

        var error = await Assert.ThrowsAsync<HoconException>(() => ActorIpcNode.StartAsync(new NodeOptions { ConfigFile = dir.File("app.conf") }));

        Assert.Equal((dir.File("app.conf"), 3, "actoripc.processes.worker.replicas"), (error.Origin, error.Line, error.Path));
    }
}
