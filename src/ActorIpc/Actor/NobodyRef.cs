using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>The reference <see cref="ActorRefs.Nobody"/>: it has no actor and drops everything.</summary>
internal sealed class NobodyRef : InternalActorRef
{
    private static readonly ActorPath NobodyPath = ActorPath.CreateRoot(Address.Local("nobody")) / "Nobody";

    public override ActorPath Path => NobodyPath;

    public override IInternalActorRef? Parent => null;

    public override ActorSystemImpl? System => null;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        // Deliberately dropped: Nobody belongs to no system, so it has no dead letters to report to.
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false, addressTerminated: false));
        }
    }
}
