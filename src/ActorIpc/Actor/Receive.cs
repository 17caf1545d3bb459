namespace ActorIpc;

/// <summary>An actor behavior: handles <paramref name="message"/> and returns false when it did not.</summary>
/// <param name="message">The message to handle.</param>
/// <returns>True when the message was handled.</returns>
public delegate bool Receive(object message);
