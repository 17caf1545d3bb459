using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

/// <summary>
/// A reference held in one actor system (<c>local</c>) to an actor of another system in the same
/// process (<c>remote</c>):
/// the smallest transport over the SPI. Messages are delivered by resolving the path in the other
/// system; senders are translated back the same way; watches cross with NotifyTerminated.
/// </summary>
internal sealed class LoopbackRef : ExternalActorRef
{
    private readonly ActorSystem _local;
    private readonly ActorSystem _remote;
    private readonly ActorSystemSpi _localSpi;
    private readonly ActorSystemSpi _remoteSpi;

    public LoopbackRef(ActorSystem local, ActorSystem remote, ActorPath path)
        : base(local, path)
    {
        _local = local;
        _remote = remote;
        _localSpi = ActorSystemSpi.For(local);
        _remoteSpi = ActorSystemSpi.For(remote);
    }

    public override void Tell(object message, IActorRef? sender)
    {
        // The sender is exported as a reference of 'remote' pointing back into 'local'.
        var replyTo = sender is null ? null : new LoopbackRef(_remote, _local, sender.Path);
        if (_remoteSpi.ResolveLocal(Path) is { } target)
        {
            target.Tell(message, replyTo);
        }
        else
        {
            _localSpi.DeadLetter(message, sender, this, "no such actor in the other system");
        }
    }

    protected override void OnWatch(IActorRef watcher)
    {
        // The remote actor is watched on the local watcher's behalf by a reference of 'remote'.
        if (_remoteSpi.ResolveLocal(Path) is { } target)
        {
            _remoteSpi.Watch(target, new LoopbackRef(_remote, _local, watcher.Path));
        }
        else
        {
            _localSpi.NotifyTerminated(watcher, this, existenceConfirmed: false, addressTerminated: false);
        }
    }

    protected override void OnUnwatch(IActorRef watcher)
    {
        if (_remoteSpi.ResolveLocal(Path) is { } target)
        {
            _remoteSpi.Unwatch(target, new LoopbackRef(_remote, _local, watcher.Path));
        }
    }

    protected override void OnWatchedActorTerminated(IActorRef deadActor, bool existenceConfirmed, bool addressTerminated)
    {
        // An actor of the holding system that the actor behind this reference watched has died:
        // tell the watcher, in its own system, through a reference pointing back.
        if (_remoteSpi.ResolveLocal(Path) is { } watcher)
        {
            _remoteSpi.NotifyTerminated(watcher, new LoopbackRef(_remote, _local, deadActor.Path), existenceConfirmed, addressTerminated);
        }
    }
}
