using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Tests.Configuration;

/// <summary>
/// Every shared conformance case that must load, read both ways: by ActorIpc.Hocon, and by Akka
/// from the tree the bridge hands it. What Akka's getters return must be what ours return.
/// </summary>
public sealed class AkkaConfigBridgeConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var (directory, searched) = ConformanceCases.Find();
        if (directory is null)
        {
            // One failing row instead of none: a missing folder must not pass as "nothing to check".
            data.Add($"missing: {searched}");
            return data;
        }

        foreach (var name in ConformanceCases.Valid(directory))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToAkkaConfig_ConformanceCase_AkkaGettersReadWhatOursRead(string name)
    {
        var (directory, searched) = ConformanceCases.Find();
        Assert.True(directory is not null, $"the HOCON conformance cases were not found at {searched}; set {ConformanceCases.Variable}");
        var caseDirectory = Path.Combine(directory, name);
        ConformanceCases.ApplyEnvironment(caseDirectory);

        var ours = ConfigFactory.ParseFile(Path.Combine(caseDirectory, "input.conf"));
        var akka = ours.ToAkkaConfig();

        var compared = AkkaParity.AssertSame(ours, akka);
        Assert.True(compared >= 1);
    }

    [Fact]
    public void Cases_SharedFolder_HoldsTheValidCases()
    {
        var (directory, searched) = ConformanceCases.Find();
        Assert.True(directory is not null, $"the HOCON conformance cases were not found at {searched}; set {ConformanceCases.Variable}");
        Assert.True(ConformanceCases.Valid(directory).Count() >= 100, $"only {ConformanceCases.Valid(directory).Count()} loadable cases in {directory}");
    }
}
