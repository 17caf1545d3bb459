namespace ActorIpc.TestKit;

/// <summary>Asks a probe's actor to watch <paramref name="Subject"/>.</summary>
internal sealed record WatchRequest(IActorRef Subject);
