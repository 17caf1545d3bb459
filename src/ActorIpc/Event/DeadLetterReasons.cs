namespace ActorIpc;

/// <summary>The reasons <see cref="DeadLetter"/> carries for the runtime's own cases.</summary>
public static class DeadLetterReasons
{
    /// <summary>The recipient had stopped (or stopped before processing the message).</summary>
    public const string Stopped = "the recipient has stopped";

    /// <summary>The recipient's bounded mailbox was full.</summary>
    public const string MailboxFull = "the recipient's mailbox is full";

    /// <summary>The message was sent to the dead-letters reference itself, or to no actor.</summary>
    public const string NoRecipient = "no actor at the recipient's path";
}
