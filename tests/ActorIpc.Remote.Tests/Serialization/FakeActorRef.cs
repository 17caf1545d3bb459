namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>A reference that only has a path: enough to check that references travel as paths.</summary>
internal sealed class FakeActorRef(ActorPath path) : IActorRef
{
    public ActorPath Path { get; } = path;

    public void Tell(object message, IActorRef? sender)
    {
    }

    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path) && Path.Uid == other.Path.Uid;

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => other is null ? 1 : string.CompareOrdinal(Path.ToStringWithUid(), other.Path.ToStringWithUid());

    public override string ToString() => Path.ToStringWithUid();
}
