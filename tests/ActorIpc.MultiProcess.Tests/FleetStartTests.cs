using ActorIpc.FleetChild;
using Xunit.Abstractions;

namespace ActorIpc.MultiProcess.Tests;

public sealed class FleetStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartAsync_TwoReplicas_BothReadyWithTheirRolesAndCallsReachBoth()
    {
        await using var parent = await FleetParent.StartAsync("""
            actoripc.processes.echo { replicas = 2, roles = [ echo, blue ] }
            """);

        await parent.Fleet.StartAsync().WaitAsync(Patience);

        var status = parent.Fleet.Status;
        output.WriteLine(FleetParent.Describe(status));
        Assert.All(status.Replicas, r => Assert.Equal(ReplicaState.Ready, r.State));
        Assert.Equal([0, 1], status.Replicas.Select(r => r.Replica));
        Assert.Equal(2, status.Replicas.Select(r => r.ProcessId).Distinct().Count());
        Assert.True(status.KillsWithParent, "setpriv is on this machine: children start under it");

        var answers = new HashSet<string>();
        for (var i = 0; i < 20 && answers.Count < 2; i++)
        {
            var answer = await parent.Invoker.Ask<string>(new ServiceKey<string>(ChildConfig.EchoKey), "hello", TimeSpan.FromSeconds(10));
            answers.Add(answer[..answer.LastIndexOf(':')]);
        }

        var expected = status.Replicas.Select(r => $"echo#{r.Replica}:{r.ProcessId}:blue+echo:hello").ToHashSet();
        Assert.Equal(expected, answers.Select(a => a + ":hello").ToHashSet());
        foreach (var replica in status.Replicas)
        {
            var member = parent.Node.Cluster.State.Members.Single(m => m.Address.Equals(replica.Address));
            Assert.Equal(["blue", "echo"], member.Roles.Order());
            var lines = parent.Fleet.LastLines("echo", replica.Replica);
            Assert.Contains(lines, l => l.Source == LogSource.StandardOutput && l.Text.StartsWith(ChildConfig.Serving, StringComparison.Ordinal) && l.ProcessId == replica.ProcessId);
            Assert.Contains(lines, l => l.Source == LogSource.Supervisor && l.Text.StartsWith("ready at", StringComparison.Ordinal));
        }
    }
}
