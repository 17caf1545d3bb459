using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Hosting;

namespace ActorIpc.Tests.Processes;

/// <summary>The child's side of supervision in the node's bootstrap: the roles its parent gives it, and how it ends.</summary>
public sealed class SupervisedNodeTests
{
    private static readonly NodeOptions WithRoles = new()
    {
        Config = ConfigFactory.ParseString("actoripc.node.roles = [ web ]", new ConfigParseOptions { Resolve = false }),
    };

    [Fact]
    public void LoadConfig_RolesFromTheParent_ReplaceTheNodesOwn()
    {
        var config = ActorIpcNode.LoadConfig(WithRoles, new ChildIdentity("images", 0, ["resizer", "odd \"name\""]));

        Assert.Equal(["resizer", "odd \"name\""], config.GetStringList("actoripc.node.roles"));
        Assert.Equal(["resizer", "odd \"name\""], config.GetStringList("akka.cluster.roles"));
    }

    [Fact]
    public void LoadConfig_NoRolesFromTheParent_TheNodeKeepsItsOwn()
    {
        Assert.Equal(["web"], ActorIpcNode.LoadConfig(WithRoles, new ChildIdentity("images", 0, [])).GetStringList("actoripc.node.roles"));
        Assert.Equal(["web"], ActorIpcNode.LoadConfig(WithRoles, identity: null).GetStringList("actoripc.node.roles"));
    }

    [Fact]
    public void SupervisedSettings_Defaults()
    {
        var settings = SupervisedSettings.Create(ActorIpcConfig.WithDefaults(Config.Empty));

        Assert.Equal(new SupervisedSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), settings);
    }

    [Theory]
    [InlineData("shutdown-timeout = 0s", "actoripc.node.supervised.shutdown-timeout")]
    [InlineData("exit-timeout = infinite", "actoripc.node.supervised.exit-timeout")]
    public void SupervisedSettings_NotPositiveAndFinite_RefusedWithThePosition(string setting, string path)
    {
        var config = ActorIpcConfig.Parse($"actoripc.node.supervised.{setting}", "app.conf");

        var error = Assert.Throws<HoconException>(() => SupervisedSettings.Create(config));

        Assert.Equal((path, "app.conf", 1), (error.Path, error.Origin, error.Line));
    }
}
