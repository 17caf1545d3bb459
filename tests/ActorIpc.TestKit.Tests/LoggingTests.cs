using ActorIpc.TestKit.Xunit2;
using Microsoft.Extensions.Logging;

namespace ActorIpc.TestKit.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task TestKit_ActorLogs_EntryReachesTheTestOutputWithItsPath()
    {
        var output = new FakeOutput();
        var kit = new OutputKit(output);
        try
        {
            var logger = kit.ActorOf(Props.Create<LoggingActor>(), "logger");

            logger.Tell("hello", kit.TestActor);
            await kit.ExpectMsgAsync("logged");

            Assert.Contains(
                output.Lines,
                line => line.Contains(" INFO] ActorIpc.TestKit.Tests.LoggingActor (actoripc://test/user/logger): got hello", StringComparison.Ordinal));
        }
        finally
        {
            await kit.ShutdownAsync();
        }
    }

    [Fact]
    public void XunitLoggerProvider_Entry_HasTimeLevelCategoryPathMessageAndException()
    {
        var output = new FakeOutput();
        using var provider = new XunitLoggerProvider(output, LogLevel.Debug, new FixedClock(new DateTimeOffset(2025, 1, 2, 13, 4, 5, 678, TimeSpan.Zero)));
        var logger = provider.CreateLogger("Cat");

        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("ActorPath", "actoripc://test/user/a") }))
        {
            logger.LogWarning(new InvalidOperationException("boom"), "careful {Thing}", "there");
        }

        logger.LogDebug("outside");

        Assert.StartsWith("[13:04:05.678 WARN] Cat (actoripc://test/user/a): careful there" + Environment.NewLine + "System.InvalidOperationException: boom", output.Lines[0]);
        Assert.Equal("[13:04:05.678 DEBUG] Cat: outside", output.Lines[1]);
    }

    [Fact]
    public void XunitLoggerProvider_BelowMinimumLevel_WritesNothing()
    {
        var output = new FakeOutput();
        using var provider = new XunitLoggerProvider(output, LogLevel.Information);
        var logger = provider.CreateLogger("Cat");

        logger.LogDebug("hidden");

        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.Empty(output.Lines);
    }

    [Fact]
    public void XunitLoggerProvider_TestEnded_SwallowsXunitsError()
    {
        var output = new FakeOutput { Ended = true };
        using var provider = new XunitLoggerProvider(output);

        provider.CreateLogger("Cat").LogError("after the test");

        Assert.Empty(output.Lines);
    }

    private sealed class OutputKit(FakeOutput output) : Xunit2.TestKit(output);
}
