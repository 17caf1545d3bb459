using System.Diagnostics;
using ActorIpc;
using Akka.Actor;

namespace WorkerPool;

/// <summary>
/// Subscribed to a key's listing (<see cref="Receptionist.Subscribe"/>): says when the first
/// listing has arrived, then notes the moment this process stops listing any callee at
/// <c>gone</c>, the address of a worker about to die. From then on, no call by the key goes there.
/// </summary>
public sealed class GoneFromListing : ReceiveActor
{
    public GoneFromListing(Address gone, TaskCompletionSource subscribed, TaskCompletionSource<long> unlisted) =>
        Receive<Listing>(listing =>
        {
            subscribed.TrySetResult();
            if (!listing.Callees.Any(callee => callee.Path.Address.Equals(gone)))
            {
                unlisted.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
}
