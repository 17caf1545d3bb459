using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Remote.Tests;

/// <summary>The <c>actoripc.remote</c> settings over the reference configuration.</summary>
public sealed class RemoteSettingsTests
{
    [Fact]
    public void FlushSendsEvery_DefaultsTo64()
    {
        Assert.Equal(64, Load("").FlushSendsEvery);
    }

    [Fact]
    public void FlushSendsEvery_Zero_FlushesOnlyWhenTheRunEnds()
    {
        Assert.Equal(0, Load("actoripc.remote.flush-sends-every = 0").FlushSendsEvery);
    }

    [Fact]
    public void FlushSendsEvery_Negative_IsRefusedWithItsPath()
    {
        var failure = Assert.Throws<HoconException>(() => Load("actoripc.remote.flush-sends-every = -1"));

        Assert.Equal("actoripc.remote.flush-sends-every", failure.Path);
        Assert.Contains("expected 0 (only when the run ends) or a positive number, got -1", failure.Message, StringComparison.Ordinal);
    }

    private static RemoteSettings Load(string hocon) =>
        RemoteSettings.From(ConfigFactory.ParseString(hocon).WithFallback(ActorSystemSettings.Reference).Resolve());
}
