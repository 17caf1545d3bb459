namespace ActorIpc;

/// <summary>
/// A message that could not be delivered, published on the event stream with the reason.
/// Subscribe to it (<c>system.EventStream.Subscribe(actor, typeof(DeadLetter))</c>) to watch for lost messages.
/// </summary>
/// <param name="Message">The message that was not delivered.</param>
/// <param name="Sender">Who sent it, if known.</param>
/// <param name="Recipient">Whom it was for.</param>
/// <param name="Reason">Why it was not delivered, e.g. "the recipient has stopped" or "mailbox full".</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient, string Reason);
