namespace ActorIpc.Configuration;

/// <summary>The kinds of mailbox <c>type</c> names.</summary>
internal enum MailboxKind
{
    Unbounded,
    Bounded,
    Priority,
}
