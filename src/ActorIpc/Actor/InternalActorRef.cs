using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>The base of the runtime's references, with identity by path and uid.</summary>
internal abstract class InternalActorRef : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract IInternalActorRef? Parent { get; }

    public abstract ActorSystemImpl? System { get; }

    public abstract bool IsTerminated { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) => ActorRefIdentity.Equals(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefIdentity.GetHashCode(this);

    public int CompareTo(IActorRef? other) => ActorRefIdentity.Compare(this, other);

    public override string ToString() => ActorRefIdentity.ToString(this);
}
