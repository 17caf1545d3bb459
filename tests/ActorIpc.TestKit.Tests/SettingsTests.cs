using ActorIpc.Hocon;

namespace ActorIpc.TestKit.Tests;

public sealed class SettingsTests() : Xunit2.TestKit("actoripc.testkit.timefactor = 2")
{
    [Fact]
    public void Dilated_TimeFactorTwo_Doubles()
    {
        Assert.Equal(2.0, TestKitSettings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(200), Dilated(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(6), Remaining);
    }

    [Fact]
    public async Task ExpectMsgAsync_TimeFactorTwo_WaitsTheDilatedDuration()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<Pong>(TimeSpan.FromMilliseconds(50)));

        Assert.Contains("timed out after 100 ms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_TimeFactorTwo_NamesTheFactorWhenTooSlow()
    {
        var failure = await Assert.ThrowsAsync<TestKitAssertionException>(
            () => WithinAsync(TimeSpan.FromMilliseconds(50), () => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100))));

        Assert.EndsWith("more than the maximum 100 ms (50 ms × timefactor 2)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ReferenceConfig_ReadsTheDefaults()
    {
        var settings = TestKitSettings.From(Config.Empty);

        Assert.Equal(1.0, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.ExpectNoMessageDefault);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    public void From_NonPositiveTimeFactor_FailsNamingThePath(string value)
    {
        var config = ConfigFactory.ParseString($"actoripc.testkit.timefactor = {value}", new ConfigParseOptions { OriginName = "test.conf" });

        var failure = Assert.Throws<HoconException>(() => TestKitSettings.From(config));

        Assert.Equal("actoripc.testkit.timefactor", failure.Path);
        Assert.Contains("at actoripc.testkit.timefactor (test.conf:1:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected a positive, finite time factor", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_TimeFactorNotANumber_FailsNamingThePath()
    {
        var config = ConfigFactory.ParseString("actoripc.testkit.timefactor = fast");

        var failure = Assert.Throws<HoconException>(() => TestKitSettings.From(config));

        Assert.Contains("actoripc.testkit.timefactor", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ZeroSingleExpectDefault_FailsNamingThePath()
    {
        var config = ConfigFactory.ParseString("actoripc.testkit.single-expect-default = 0s");

        var failure = Assert.Throws<HoconException>(() => TestKitSettings.From(config));

        Assert.Equal("actoripc.testkit.single-expect-default", failure.Path);
    }

    [Fact]
    public void Constructor_InvalidTimeFactor_FailsBeforeCreatingASystem()
    {
        var failure = Assert.Throws<HoconException>(() => new TestKitBase(ConfigFactory.ParseString("actoripc.testkit.timefactor = 0")));

        Assert.Contains("actoripc.testkit.timefactor", failure.Message, StringComparison.Ordinal);
    }
}
