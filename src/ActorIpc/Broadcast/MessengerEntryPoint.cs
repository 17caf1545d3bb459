using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Where broadcasts, censuses and choices of one subscriber enter a node's messenger: one for every
/// node and one per role of the node, each registered with the DistributedPubSub mediator under a
/// path that is the same on every node (<see cref="MessengerNames.EntryPath"/>). The mediator's
/// <c>SendToAll</c> to that path reaches each node once; the entry point hands the message to the
/// messenger, whose subscriber table it shares, keeping the original sender.
/// </summary>
internal sealed class MessengerEntryPoint : UntypedActor
{
    /// <summary>The entry point's props.</summary>
    public static Props Props { get; } = Props.Create<MessengerEntryPoint>();

    /// <inheritdoc />
    protected override void OnReceive(object message) => Context.Parent.Forward(message);
}
