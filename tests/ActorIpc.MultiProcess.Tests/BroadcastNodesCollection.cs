namespace ActorIpc.MultiProcess.Tests;

/// <summary>The tests that share one <see cref="BroadcastNodesFixture"/>: two child processes for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class BroadcastNodesCollection : ICollectionFixture<BroadcastNodesFixture>
{
    public const string Name = "broadcast nodes";
}
