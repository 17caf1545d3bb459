using ActorIpc.Cli.Benchmarks.Processes;

namespace ActorIpc.Cli.Tests;

public sealed class ReadyToRunTests
{
    [Fact]
    public void IsCompiled_TheFrameworksPrecompiledCoreLibraryAndThisPlainBuild_TellThemApart()
    {
        Assert.True(ReadyToRun.IsCompiled(typeof(object).Assembly.Location));
        Assert.False(ReadyToRun.IsCompiled(typeof(ReadyToRunTests).Assembly.Location));
        Assert.False(ReadyToRun.IsCompiled("/nowhere/missing.dll"));
    }

    [Fact]
    public void Describe_FromAPlainBuild_SaysNotReadyToRunAndHowToPublish()
    {
        var line = ReadyToRun.Describe();

        Assert.StartsWith("workers: not ReadyToRun", line, StringComparison.Ordinal);
        Assert.Contains(ReadyToRun.PublishCommand, line, StringComparison.Ordinal);
    }
}
