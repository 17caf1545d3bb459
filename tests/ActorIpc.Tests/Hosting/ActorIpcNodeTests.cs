using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Tests.Shared;
using Akka.Cluster;
using Akka.Event;

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

    [Fact]
    public async Task StartAsync_WithALoggerFactory_AkkasLogGoesThroughIt()
    {
        var logs = new CollectingLoggerFactory();
        await using var node = await ActorIpcNode.StartAsync(new NodeOptions { LoggerFactory = logs });

        node.System.Log.Warning("a warning from the test {0}", 42);

        var entry = await logs.WaitForAsync(e => e.Message.Contains("a warning from the test 42", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Contains(logs.Entries, e => e.Message.Contains("Cluster", StringComparison.Ordinal) && e.Message.Contains(node.Address.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AkkasLog_GoesToStandardErrorThroughALoggerAkkaCanLoad()
    {
        var config = ActorIpc.Configuration.ActorIpcConfig.WithDefaults(ActorIpc.Hocon.Config.Empty);

        Assert.Equal([StandardErrorLogger.TypeName], config.GetStringList("akka.loggers"));
        Assert.Equal(StandardErrorLogger.TypeName, config.GetString("akka.stdout-logger-class"));
        Assert.Equal(typeof(StandardErrorLogger), Type.GetType(StandardErrorLogger.TypeName));
    }

    [Fact]
    public async Task StartAsync_ConfigFileAndOverrides_OverridesWinOverTheFileOverTheDefaults()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("node.conf"), "actoripc.node { system-name = shop, roles = [ web ] }\ncustom.timeout = 3s");
        var overrides = ConfigFactory.ParseString("actoripc.node.roles = [ worker ]", new ConfigParseOptions { Resolve = false });

        await using var node = await ActorIpcNode.StartAsync(new NodeOptions { ConfigFile = dir.File("node.conf"), Config = overrides });

        Assert.Equal("shop", node.System.Name);
        Assert.Contains("worker", node.Cluster.SelfRoles);
        Assert.DoesNotContain("web", node.Cluster.SelfRoles);
        Assert.Equal(TimeSpan.FromSeconds(3), node.System.Settings.Config.GetTimeSpan("custom.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(3), node.Config.GetTimeSpan("custom.timeout"));
    }

    [Fact]
    public async Task StartAsync_SeedThatNobodyAnswers_FailsWithNodeStartExceptionAfterTheJoinTimeout()
    {
        // A port that was free a moment ago: nothing answers the join there.
        var port = FreePort();
        var options = new NodeOptions
        {
            Seed = $"akka.tcp://actoripc@127.0.0.1:{port}",
            Config = ConfigFactory.ParseString("actoripc.node.join-timeout = 1s", new ConfigParseOptions { Resolve = false }),
        };

        var error = await Assert.ThrowsAsync<NodeStartException>(() => ActorIpcNode.StartAsync(options));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("join-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CancelledWhileJoining_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var options = new NodeOptions { Seed = $"akka.tcp://actoripc@127.0.0.1:{FreePort()}" };
        var start = ActorIpcNode.StartAsync(options, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
    }

    [Theory]
    [InlineData("actoripc.node.seed = \"localhost:4053\"", "actoripc.node.seed")]
    [InlineData("actoripc.node.seed = \"akka.tcp://sys@\"", "actoripc.node.seed")]
    [InlineData("actoripc.node.system-name = \"my.app\"", "actoripc.node.system-name")]
    [InlineData("actoripc.node.join-timeout = 0s", "actoripc.node.join-timeout")]
    public async Task StartAsync_InvalidNodeSetting_FailsBeforeStartingWithThePathAndPosition(string setting, string path)
    {
        var config = ConfigFactory.ParseString(setting, new ConfigParseOptions { Resolve = false, OriginName = "node.conf" });

        var error = await Assert.ThrowsAsync<HoconException>(() => ActorIpcNode.StartAsync(new NodeOptions { Config = config }));

        Assert.Equal(path, error.Path);
        Assert.Equal("node.conf", error.Origin);
        Assert.Equal(1, error.Line);
        Assert.Contains($"at {path} (node.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidHocon_FailsWithFileLineAndColumn()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(dir.File("node.conf"), "actoripc {\n  node.roles = [ web\n");

        var error = await Assert.ThrowsAsync<HoconException>(() => ActorIpcNode.StartAsync(new NodeOptions { ConfigFile = dir.File("node.conf") }));

        Assert.Contains("node.conf:", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2, $"line {error.Line}");
    }

    [Fact]
    public async Task DisposeAsync_Member_LeavesTheClusterAndTheSeedSeesItRemoved()
    {
        await using var seed = await ActorIpcNode.StartAsync();
        var member = await ActorIpcNode.StartAsync(new NodeOptions { Seed = seed.Address.ToString() });
        var probe = CreateTestProbe(seed.System);
        seed.Cluster.Subscribe(probe.Ref, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));

        await member.DisposeAsync();

        Assert.True(member.System.WhenTerminated.IsCompleted);
        await probe.FishForMessageAsync(m => m is ClusterEvent.MemberRemoved removed && removed.Member.Address.Equals(member.Address), TimeSpan.FromSeconds(20));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
