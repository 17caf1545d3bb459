using ActorIpc.FleetChild;
using Xunit.Abstractions;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>The fleet stopping: in order, on request and with the parent's shutdown; rolling restarts.</summary>
public sealed class FleetStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StopAsync_StopsTheProcessesLastDeclaredFirstAndKillsOneThatDoesNotEnd()
    {
        await using var parent = await FleetParent.StartAsync($$"""
            actoripc.processes {
              first { replicas = 2 }
              second { }
              stubborn {
                arguments = [ stubborn ]
                stop-timeout = 1s
                environment { {{ChildConfig.ConfigVariable}} = "actoripc.node.supervised.exit-timeout = 1h" }
              }
            }
            """);
        await parent.Fleet.StartAsync().WaitAsync(Patience);
        var pids = parent.Fleet.Status.Replicas.Select(r => r.ProcessId!.Value).ToArray();

        await parent.Fleet.StopAsync().WaitAsync(Patience);

        var status = parent.Fleet.Status;
        output.WriteLine(FleetParent.Describe(status));
        Assert.All(status.Replicas, r => Assert.Equal((ReplicaState.Stopped, (int?)null), (r.State, r.ProcessId)));
        Assert.All(pids, pid => Assert.False(OsProcess.IsAlive(pid), $"process {pid} is still alive"));

        var stubborn = status.Find("stubborn", 0)!.LastExit!;
        Assert.Equal(9, stubborn.Signal);
        Assert.Equal("asked to stop: the fleet stops; killed after its stop-timeout of 1 s", stubborn.Cause);
        var second = status.Find("second", 0)!.LastExit!;
        var first = status.Replicas.Where(r => r.Name == "first").Select(r => r.LastExit!).ToArray();
        Assert.All(first.Append(second), exit => Assert.Equal((0, "asked to stop: the fleet stops"), (exit.ExitCode, exit.Cause)));

        // Each process was asked to stop once the one declared after it had ended.
        Assert.True(stubborn.At <= second.At && second.At <= first.Min(e => e.At), "the processes ended in reverse order");
    }

    [Fact]
    public async Task NodeShutdown_StopsTheFleetGracefully()
    {
        var parent = await FleetParent.StartAsync("actoripc.processes.echo.replicas = 2");
        int[] pids;
        await using (parent)
        {
            await parent.Fleet.StartAsync().WaitAsync(Patience);
            pids = [.. parent.Fleet.Status.Replicas.Select(r => r.ProcessId!.Value)];
            await parent.Node.DisposeAsync();
            Assert.All(parent.Fleet.Status.Replicas, r => Assert.Equal((ReplicaState.Stopped, 0, "asked to stop: the fleet stops"), (r.State, r.LastExit!.ExitCode, r.LastExit.Cause)));
        }

        Assert.All(pids, pid => Assert.False(OsProcess.IsAlive(pid), $"process {pid} is still alive"));
    }

    [Fact]
    public async Task RestartAsync_RestartsTheReplicasOneAtATimeWhileCallsGoOn()
    {
        await using var parent = await FleetParent.StartAsync("actoripc.processes.echo.replicas = 2");
        await parent.Fleet.StartAsync().WaitAsync(Patience);
        var before = parent.Fleet.Status.Replicas.Select(r => r.ProcessId!.Value).ToArray();
        var calls = new CallLoad(parent.Invoker, new ServiceKey<string>(ChildConfig.EchoKey), TimeSpan.FromMilliseconds(10));
        calls.Start();

        // Never fewer than one ready replica: the restart waits for each new one before the next.
        var fewestReady = 2;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var status in parent.Fleet.WatchStatusAsync(watching.Token))
                {
                    fewestReady = Math.Min(fewestReady, status.Replicas.Count(r => r.State == ReplicaState.Ready));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await parent.Fleet.RestartAsync("echo").WaitAsync(Patience);
        await watching.CancelAsync();
        await watcher;
        var outcomes = await calls.StopAsync(Patience);

        var after = parent.Fleet.Status;
        output.WriteLine(FleetParent.Describe(after));
        Assert.All(after.Replicas, r => Assert.Equal((ReplicaState.Ready, 1), (r.State, r.Restarts)));
        Assert.Empty(after.Replicas.Select(r => r.ProcessId!.Value).Intersect(before));
        Assert.All(after.Replicas, r => Assert.Equal((0, "asked to stop: the process is being restarted"), (r.LastExit!.ExitCode, r.LastExit.Cause)));
        Assert.Equal(1, fewestReady);
        Assert.All(outcomes, o => Assert.Null(o.Error));
        output.WriteLine($"{outcomes.Length} calls during the restart, all answered");
    }
}
