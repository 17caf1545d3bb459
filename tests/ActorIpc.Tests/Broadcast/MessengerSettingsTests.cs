using ActorIpc.Broadcast;
using ActorIpc.Configuration;
using Akka.Configuration;

namespace ActorIpc.Tests.Broadcast;

public sealed class MessengerSettingsTests
{
    [Fact]
    public void Create_ReferenceConfiguration_AskTimeoutIsTenSeconds()
    {
        var settings = MessengerSettings.Create(ActorIpcConfig.WithDefaults(ActorIpc.Hocon.Config.Empty).ToAkkaConfig());

        Assert.Equal(TimeSpan.FromSeconds(10), settings.AskTimeout);
    }

    [Fact]
    public void Create_SystemWithoutTheSection_UsesTheReferenceDefaults()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), MessengerSettings.Create(Config.Empty).AskTimeout);
    }

    [Fact]
    public void Create_AskTimeoutSet_ReadsIt()
    {
        var config = ActorIpcConfig.Parse("actoripc.broadcast.ask-timeout = 750ms").ToAkkaConfig();

        Assert.Equal(TimeSpan.FromMilliseconds(750), MessengerSettings.Create(config).AskTimeout);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("infinite")]
    public void Create_AskTimeoutNotPositive_ThrowsNamingThePath(string value)
    {
        var config = ActorIpcConfig.Parse($"actoripc.broadcast.ask-timeout = {value}").ToAkkaConfig();

        var error = Assert.Throws<ConfigurationException>(() => MessengerSettings.Create(config));

        Assert.Contains("actoripc.broadcast.ask-timeout", error.Message, StringComparison.Ordinal);
    }
}
