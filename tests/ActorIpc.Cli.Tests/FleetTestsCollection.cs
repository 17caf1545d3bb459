namespace ActorIpc.Cli.Tests;

/// <summary>
/// The tests that run fleets: real processes of a cluster, which starve each other and the
/// benchmarks' on two cores when run side by side; they run alone, one after the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetTestsCollection
{
    public const string Name = "fleets";
}
