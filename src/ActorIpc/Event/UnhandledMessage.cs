namespace ActorIpc;

/// <summary>An actor did not handle a message; published on the event stream and logged at debug level.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it, if known.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
