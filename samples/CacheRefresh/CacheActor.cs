using Akka.Actor;

namespace CacheRefresh;

/// <summary>A worker's cache: subscribed to the messenger's <c>cache</c> topic, it refreshes when told and says so.</summary>
public sealed class CacheActor : ReceiveActor
{
    public CacheActor(string worker)
    {
        Receive<RefreshCache>(refresh =>
        {
            // A real worker would reload its data here.
            refresh.ReplyTo.Tell(new CacheRefreshed(worker, refresh.Cache));
        });
    }
}
