namespace ActorIpc;

/// <summary>
/// An Ask failed because its target terminated, or its whole process was lost, before it
/// replied. Thrown at once, not at the Ask's timeout.
/// </summary>
public sealed class TargetTerminatedException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    public TargetTerminatedException(ActorPath target, Type messageType, bool addressTerminated, string? reason)
        : base($"Ask to {target} failed: {(addressTerminated ? "the target's process was lost" : "the target stopped")} before it replied to a message of type {messageType.FullName}{(reason is null ? string.Empty : $" ({reason})")}")
    {
        Target = target;
        MessageType = messageType;
        AddressTerminated = addressTerminated;
        Reason = reason;
    }

    /// <summary>The actor that was asked.</summary>
    public ActorPath Target { get; }

    /// <summary>The type of the message that got no reply.</summary>
    public Type MessageType { get; }

    /// <summary>True when the target's whole process (actor system) was lost.</summary>
    public bool AddressTerminated { get; }

    /// <summary>What the transport knows of the loss (e.g. "connection reset", "exited with code 3"), if anything.</summary>
    public string? Reason { get; }
}
