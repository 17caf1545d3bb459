namespace ActorIpc;

/// <summary>
/// An <c>Ask</c> was still waiting when the actor system that made it terminated: no reply can
/// reach it any more, and its timeout would never fire. Thrown when the system finishes
/// terminating, so that every Ask ends.
/// </summary>
public sealed class AskAbandonedException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    public AskAbandonedException(ActorPath target, Type messageType, string systemName)
        : base($"Ask to {target} failed: the actor system '{systemName}' terminated before a reply to a message of type {messageType.FullName} came")
    {
        Target = target;
        MessageType = messageType;
        SystemName = systemName;
    }

    /// <summary>The actor that was asked.</summary>
    public ActorPath Target { get; }

    /// <summary>The type of the message that got no reply.</summary>
    public Type MessageType { get; }

    /// <summary>The name of the actor system that terminated.</summary>
    public string SystemName { get; }
}
