namespace ActorIpc.TestKit;

/// <summary>Asks a probe's actor to stop watching <paramref name="Subject"/>.</summary>
internal sealed record UnwatchRequest(IActorRef Subject);
