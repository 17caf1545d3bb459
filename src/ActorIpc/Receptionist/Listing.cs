using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// The callees registered under a key that are alive now, across the cluster: what
/// <see cref="Receptionist.Find{TProtocol}"/> returns and what a subscriber
/// (<see cref="Receptionist.Subscribe"/>) receives each time it changes.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Callees">The callees, local and remote, in a stable order (by path).</param>
public sealed record Listing(ServiceKey Key, IReadOnlyList<IActorRef> Callees)
{
    /// <summary>Whether this listing is for <paramref name="key"/>.</summary>
    /// <param name="key">A key.</param>
    /// <returns><see langword="true"/> when the keys are equal.</returns>
    public bool IsFor(ServiceKey key) => Key.Equals(key);
}
