namespace ActorIpc.TestKit.Tests;

/// <summary>A number an actor changes and a test reads, from different threads.</summary>
internal sealed class Counter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
