using ActorIpc.Hosting;
using Akka.Cluster;

namespace ActorIpc.Tests.Hosting;

public sealed class ActorIpcNodeTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task StartAsync_NoSeed_FormsTheClusterOnLoopbackOnAPortTheSystemPicked()
    {
        await using var node = await ActorIpcNode.StartAsync();

        Assert.Equal("akka.tcp", node.Address.Protocol);
        Assert.Equal("127.0.0.1", node.Address.Host);
        Assert.True(node.Address.Port > 0, $"port {node.Address.Port}");
        Assert.Equal("actoripc", node.System.Name);
        await AwaitAssertAsync(() => Assert.Equal(MemberStatus.Up, node.Cluster.SelfMember.Status));
    }

    [Fact]
    public async Task StartAsync_WithSeed_JoinsTheSeedsCluster()
    {
        await using var seed = await ActorIpcNode.StartAsync();
        await using var member = await ActorIpcNode.StartAsync(new NodeOptions { Seed = seed.Address.ToString() });

        Assert.NotEqual(seed.Address, member.Address);
        await AwaitAssertAsync(() => Assert.Contains(
            seed.Cluster.State.Members, m => m.Address.Equals(member.Address) && m.Status == MemberStatus.Up));
    }
}
