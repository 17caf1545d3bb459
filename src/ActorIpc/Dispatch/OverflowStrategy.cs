namespace ActorIpc;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum OverflowStrategy
{
    /// <summary>Drop the arriving message (it goes to dead letters).</summary>
    DropNew,

    /// <summary>Drop the oldest queued message (it goes to dead letters) and queue the new one.</summary>
    DropOldest,
}
