namespace ActorIpc.Dispatch;

/// <summary>A user message in a mailbox with the reference it came from.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
