using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Configuration;

namespace ActorIpc.Cli.Tests;

public sealed class RemoteBenchConfigTests
{
    [Fact]
    public void Options_OverTheDefaults_LogWarningsToStandardErrorAndAllowTheBenchmarkTypes()
    {
        var options = RemoteBenchConfig.Options(seed: null);

        var config = ActorIpcConfig.WithDefaults(options.Config!);

        Assert.Equal(RemoteBenchConfig.SystemName, config.GetString("actoripc.node.system-name"));
        Assert.Equal("WARNING", config.GetString("akka.loglevel"));
        Assert.Equal(["ActorIpc.Hosting.StandardErrorLogger, ActorIpc"], config.GetStringList("akka.loggers"));
        Assert.Equal("ActorIpc.Hosting.StandardErrorLogger, ActorIpc", config.GetString("akka.stdout-logger-class"));
        Assert.Contains("ActorIpc.Cli.Benchmarks.*", config.GetStringList("actoripc.serialization.allowed-types"));

        // Everything the figures depend on stays as a user gets it.
        Assert.Equal(ActorIpcConfig.Defaults.Resolve().GetInt("akka.actor.default-dispatcher.throughput"), config.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.True(config.GetBoolean("akka.remote.dot-netty.tcp.batching.enabled"));
    }

    [Fact]
    public void Options_TheSeedFormsItsOwnClusterAndTheNodeJoinsTheGivenSeed()
    {
        const string seed = "akka.tcp://actoripc-bench@127.0.0.1:4053";

        Assert.Null(RemoteBenchConfig.Options(seed: null).Seed);
        Assert.Equal(seed, RemoteBenchConfig.Options(seed).Seed);

        // An ACTORIPC_SEED in the environment does not make the bench process join another cluster.
        Assert.Equal(string.Empty, ActorIpcConfig.WithDefaults(RemoteBenchConfig.Options(seed: null).Config!).GetString("actoripc.node.seed"));
    }
}
