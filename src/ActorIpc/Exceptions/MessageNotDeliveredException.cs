namespace ActorIpc;

/// <summary>
/// An <c>Ask</c> failed at once because its message could not be delivered (it went to dead
/// letters): the target had stopped, its mailbox was full, or no actor had that path.
/// </summary>
public sealed class MessageNotDeliveredException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    public MessageNotDeliveredException(ActorPath target, Type messageType, string reason)
        : base($"Ask to {target} failed: a message of type {messageType.FullName} was not delivered: {reason}")
    {
        Target = target;
        MessageType = messageType;
        Reason = reason;
    }

    /// <summary>The actor that was asked.</summary>
    public ActorPath Target { get; }

    /// <summary>The type of the message that was not delivered.</summary>
    public Type MessageType { get; }

    /// <summary>Why it was not delivered.</summary>
    public string Reason { get; }
}
