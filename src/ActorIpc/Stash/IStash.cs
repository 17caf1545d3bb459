namespace ActorIpc;

/// <summary>
/// Sets messages aside to handle later, typically until the actor is ready (e.g. connected):
/// <see cref="Stash"/> keeps the current message; <see cref="UnstashAll"/> puts every kept
/// message back at the front of the mailbox in its original order.
/// </summary>
public interface IStash
{
    /// <summary>How many messages are kept.</summary>
    int Count { get; }

    /// <summary>Keeps the message being handled.</summary>
    /// <exception cref="InvalidOperationException">The same message was stashed twice.</exception>
    void Stash();

    /// <summary>Puts the oldest kept message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every kept message back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Drops every kept message and returns them.</summary>
    IReadOnlyList<object> ClearStash();
}
