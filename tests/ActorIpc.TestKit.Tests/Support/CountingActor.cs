namespace ActorIpc.TestKit.Tests;

/// <summary>Increments a shared counter for every message.</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(Counter counter) => ReceiveAny(_ => counter.Increment());
}
