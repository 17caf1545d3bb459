using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Tests.Broadcast;

public sealed class MessengerSettingsTests
{
    [Fact]
    public void Create_ReferenceConfiguration_AskTimeoutIsTenSeconds()
    {
        var settings = MessengerSettings.Create(ActorIpcConfig.WithDefaults(Config.Empty));

        Assert.Equal(TimeSpan.FromSeconds(10), settings.AskTimeout);
    }

    [Fact]
    public void Create_AskTimeoutSet_ReadsIt()
    {
        var config = ActorIpcConfig.Parse("actoripc.broadcast.ask-timeout = 750ms");

        Assert.Equal(TimeSpan.FromMilliseconds(750), MessengerSettings.Create(config).AskTimeout);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("infinite")]
    [InlineData("soon")]
    public void Create_AskTimeoutNotAPositiveDuration_ThrowsWithThePathAndPosition(string value)
    {
        var config = ActorIpcConfig.Parse($"actoripc.broadcast.ask-timeout = {value}", "app.conf");

        var error = Assert.Throws<HoconException>(() => MessengerSettings.Create(config));

        Assert.Equal("actoripc.broadcast.ask-timeout", error.Path);
        Assert.Equal(("app.conf", 1), (error.Origin, error.Line));
    }
}
