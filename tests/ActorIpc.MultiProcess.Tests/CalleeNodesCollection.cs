namespace ActorIpc.MultiProcess.Tests;

/// <summary>The cross-process receptionist and invoker tests that share one caller and two children (<see cref="CalleeNodesFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class CalleeNodesCollection : ICollectionFixture<CalleeNodesFixture>
{
    public const string Name = "callee nodes";
}
