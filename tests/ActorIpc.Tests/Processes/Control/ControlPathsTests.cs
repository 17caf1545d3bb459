using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Tests.Processes.Control;

public sealed class ControlPathsTests
{
    [Fact]
    public void DefaultDirectory_WithXdgRuntimeDir_IsItsActoripcFolder()
    {
        var directory = ControlPaths.DefaultDirectory(v => v == "XDG_RUNTIME_DIR" ? "/run/user/1000" : null, () => "1000");

        Assert.Equal("/run/user/1000/actoripc", directory);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void DefaultDirectory_WithoutXdgRuntimeDir_IsTheUsersFolderInTmp(string? runtime)
    {
        var directory = ControlPaths.DefaultDirectory(_ => runtime, () => "1234");

        Assert.Equal("/tmp/actoripc-1234", directory);
    }

    [Fact]
    public void SocketPath_TooLongForAUnixSocket_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ControlPaths.SocketPath("fleet", "/tmp/" + new string('d', 100)));

        Assert.StartsWith("the control socket path /tmp/ddd", error.Message, StringComparison.Ordinal);
        Assert.Contains("is longer than a Unix socket's 107 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FleetName_NotAFleetName_IsAConfigurationErrorWithItsPosition()
    {
        var config = ActorIpcConfig.Parse("actoripc.fleet {\n  name = \"my fleet\"\n}", "app.conf");

        var error = Assert.Throws<HoconException>(() => FleetSettings.Create(config));

        Assert.Equal(("app.conf", 2, 10), (error.Origin, error.Line, error.Column));
        Assert.StartsWith("'my fleet' is not a fleet name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FleetName_Set_IsTheFleetsName()
    {
        Assert.Equal("shop", FleetSettings.Create(ActorIpcConfig.Parse("actoripc.fleet.name = shop")).Name);
        Assert.Null(FleetSettings.Create(ActorIpcConfig.Parse("")).Name);
    }
}
