namespace ActorIpc;

/// <summary>The answer to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The id the <see cref="Identify"/> carried.</param>
/// <param name="Subject">The actor that answered, or <see langword="null"/> when none matched.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
