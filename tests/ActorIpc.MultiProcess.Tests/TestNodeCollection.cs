namespace ActorIpc.MultiProcess.Tests;

/// <summary>The tests that share one <see cref="TestNodeFixture"/>: one child process for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class TestNodeCollection : ICollectionFixture<TestNodeFixture>
{
    public const string Name = "test node";
}
