namespace ActorIpc.Configuration;

/// <summary>One mailbox of <c>actoripc.actor.mailboxes</c>.</summary>
/// <param name="Id">The mailbox's id.</param>
/// <param name="Kind">Unbounded, bounded or priority.</param>
/// <param name="Capacity">The capacity of a bounded mailbox.</param>
/// <param name="Overflow">What a full bounded mailbox drops.</param>
/// <param name="Priority">The ranking of a priority mailbox.</param>
internal sealed record MailboxSettings(string Id, MailboxKind Kind, int Capacity, OverflowStrategy Overflow, IMessagePriority? Priority);
