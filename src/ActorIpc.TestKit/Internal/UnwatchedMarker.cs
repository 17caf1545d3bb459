namespace ActorIpc.TestKit;

/// <summary>
/// Put in a probe's queue when its actor has unwatched <paramref name="Subject"/>: every
/// <see cref="Terminated"/> of the subject queued before it predates the unwatch.
/// </summary>
internal sealed record UnwatchedMarker(IActorRef Subject);
