using ActorIpc.TestNode.Messages.Calls;
using Akka.Actor;

namespace ActorIpc.TestNode.Callees;

/// <summary>Answers an <see cref="AwaitCallees"/> once this node's receptionist lists that many callees under the key, then stops.</summary>
public sealed class ListingWaiter : ReceiveActor
{
    public ListingWaiter(AwaitCallees wanted, IActorRef replyTo)
    {
        var key = new ServiceKey<IKeyedCall>(wanted.Key);
        Receive<Listing>(listing =>
        {
            if (listing.Callees.Count == wanted.Count)
            {
                replyTo.Tell(new CalleesListed(wanted.Key, [.. listing.Callees.Select(c => c.Path.ToString())]));
                Context.Stop(Self);
            }
        });

        // The receptionist sends the listing now and at every change, until this actor stops.
        Receptionist.Get(Context.System).Subscribe(key, Self);
    }
}
