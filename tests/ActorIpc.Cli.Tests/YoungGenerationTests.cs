using System.Globalization;
using ActorIpc.Cli.Benchmarks.Remote;

namespace ActorIpc.Cli.Tests;

public sealed class YoungGenerationTests
{
    private static readonly Func<string, string?> Unset = _ => null;

    [Fact]
    public void ForNode_CacheSizesHiddenAndNothingSet_GivesTheBudgetInTheRuntimesHexadecimal()
    {
        var value = YoungGeneration.ForNode(Unset, cacheSizesHidden: true);

        Assert.NotNull(value);
        Assert.StartsWith("0x", value, StringComparison.Ordinal);
        Assert.Equal(32L << 20, long.Parse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ForNode_CacheSizesReadable_LeavesTheRuntimeToSizeIt()
    {
        Assert.Null(YoungGeneration.ForNode(Unset, cacheSizesHidden: false));
    }

    [Theory]
    [InlineData("DOTNET_GCgen0size", "0")]
    [InlineData("DOTNET_GCgen0size", "0x8000000")]
    [InlineData("COMPlus_GCgen0size", "4000000")]
    public void ForNode_EnvironmentSetsTheBudget_TheNodeInheritsIt(string variable, string value)
    {
        string? Environment(string name) => name == variable ? value : null;

        Assert.Null(YoungGeneration.ForNode(Environment, cacheSizesHidden: true));
    }

    [Fact]
    public void ForNode_AnEmptyVariable_CountsAsUnset()
    {
        Assert.NotNull(YoungGeneration.ForNode(name => name == YoungGeneration.Variable ? string.Empty : null, cacheSizesHidden: true));
    }

    [Fact]
    public void Describe_NamesTheBudgetTheNodeWasGiven()
    {
        var described = YoungGeneration.Describe(YoungGeneration.ForNode(Unset, cacheSizesHidden: true), Unset);

        Assert.Contains("32 MiB per heap", described, StringComparison.Ordinal);
        Assert.Contains("hides its CPU cache sizes", described, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DOTNET_GCgen0size", "0")]
    [InlineData("COMPlus_GCgen0size", "4000000")]
    public void Describe_InheritedBudget_NamesTheVariableThatSetsIt(string variable, string value)
    {
        string? Environment(string name) => name == variable ? value : null;

        var described = YoungGeneration.Describe(YoungGeneration.ForNode(Environment, cacheSizesHidden: true), Environment);

        Assert.Equal($"young generation as {variable}={value} sets it", described);
    }

    [Fact]
    public void Describe_NothingSetAndCacheSizesReadable_LeavesItToTheRuntime()
    {
        Assert.Equal("young generation as the runtime sizes it", YoungGeneration.Describe(YoungGeneration.ForNode(Unset, cacheSizesHidden: false), Unset));
    }

    [Fact]
    public void NullEnvironmentReader_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => YoungGeneration.ForNode(null!, cacheSizesHidden: true));
        Assert.Throws<ArgumentNullException>(() => YoungGeneration.Describe(null, null!));
    }
}
