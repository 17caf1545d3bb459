using System.Diagnostics;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Subscribed to a key's listings in this process: answers a <see cref="WhenListed"/> with the
/// <see cref="Stopwatch"/> timestamp at which a listing of that many callees arrived, at once if
/// the latest one has that many, else when one comes.
/// </summary>
internal sealed class ListingWatcher : ReceiveActor
{
    private int _count = -1;
    private long _at;
    private (int Count, IActorRef ReplyTo)? _waiting;

    public ListingWatcher(ServiceKey key)
    {
        Receive<Listing>(listing =>
        {
            (_count, _at) = (listing.Callees.Count, Stopwatch.GetTimestamp());
            if (_waiting is { } waiting && waiting.Count == _count)
            {
                waiting.ReplyTo.Tell(_at);
                _waiting = null;
            }
        });
        Receive<WhenListed>(when =>
        {
            if (when.Count == _count)
            {
                Sender.Tell(_at);
            }
            else
            {
                _waiting = (when.Count, Sender);
            }
        });
        Receptionist.Get(Context.System).Subscribe(key, Self);
    }

    /// <summary>Asks for the time a listing of <paramref name="Count"/> callees arrived.</summary>
    public sealed record WhenListed(int Count);
}
