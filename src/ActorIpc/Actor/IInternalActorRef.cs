using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// The runtime's view of a reference: besides user messages it takes system messages (watch,
/// stop, supervision), knows its system and whether its actor has terminated. An interface,
/// not a base class, so that an Ask promise can also be a timer-wheel entry (one allocation).
/// </summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The parent, or null for the root guardian and for references outside the tree.</summary>
    IInternalActorRef? Parent { get; }

    /// <summary>The actor system the reference belongs to; null for <see cref="ActorRefs.Nobody"/>.</summary>
    ActorSystemImpl? System { get; }

    /// <summary>True once the actor has terminated (a reference that can't tell returns false).</summary>
    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);
}
