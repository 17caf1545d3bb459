namespace ActorIpc;

/// <summary>
/// Every actor answers this with an <see cref="ActorIdentity"/> carrying its reference, without
/// the actor's code seeing it; an <see cref="ActorSelection"/> that matches nothing answers with
/// an identity whose subject is <see langword="null"/>.
/// </summary>
/// <param name="MessageId">Echoed back in the answer, to tell answers apart.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
