using Akka.Actor;

namespace CacheRefresh;

/// <summary>Refresh the named cache, then tell <paramref name="ReplyTo"/> with a <see cref="CacheRefreshed"/>.</summary>
public sealed record RefreshCache(string Cache, IActorRef ReplyTo);
