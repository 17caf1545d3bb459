using ActorIpc.Hosting;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorIpc.Tests.Hosting;

public sealed class AkkaHostingTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task WithActorIpc_HostedSystem_IsAClusterNodeWithActorIpcsConfiguration()
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("actoripc", builder => builder
                .WithActorIpc()
                .AddStartup((system, _) => Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult()))))
            .Build();

        await host.StartAsync();
        try
        {
            await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var system = host.Services.GetRequiredService<ActorSystem>();
            var config = system.Settings.Config;

            Assert.Equal("127.0.0.1", Cluster.Get(system).SelfAddress.Host);
            Assert.Equal("ActorIpc.Serialization.AllowListHyperionSerializer, ActorIpc", config.GetString("akka.actor.serializers.hyperion"));
            Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("akka.actor.ask-timeout"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task WithActorIpc_SeedGiven_TheHostedSystemJoinsThatNode()
    {
        await using var seed = await ActorIpcNode.StartAsync();
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("actoripc", builder => builder
                .WithActorIpc(new NodeOptions { Seed = seed.Address.ToString() })
                .AddStartup((system, _) => Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult()))))
            .Build();

        await host.StartAsync();
        try
        {
            await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var hosted = Cluster.Get(host.Services.GetRequiredService<ActorSystem>());

            await AwaitAssertAsync(() => Assert.Contains(
                seed.Cluster.State.Members, m => m.Address.Equals(hosted.SelfAddress) && m.Status == MemberStatus.Up));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
