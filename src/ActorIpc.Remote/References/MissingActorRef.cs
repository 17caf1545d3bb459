using ActorIpc.Spi;

namespace ActorIpc.Remote.References;

/// <summary>
/// What a path naming no live local actor resolves to: messages to it go to dead letters with
/// the reason, and a watch of it is answered at once with its termination.
/// </summary>
internal sealed class MissingActorRef(ActorSystem system, ActorPath path) : ExternalActorRef(system, path)
{
    private readonly ActorSystemSpi _spi = ActorSystemSpi.For(system);

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);

        // An Identify for a path with no actor is answered the way a selection matching nothing is.
        if (message is Identify identify && sender is not null)
        {
            sender.Tell(new ActorIdentity(identify.MessageId, null), null);
            return;
        }

        _spi.DeadLetter(message, sender, this, $"no actor at {Path}");
    }

    protected override void OnWatch(IActorRef watcher) =>
        _spi.NotifyTerminated(watcher, this, existenceConfirmed: false, addressTerminated: false);

    protected override void OnUnwatch(IActorRef watcher)
    {
    }
}
