using ActorIpc.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// The parent of the root guardian, outside the tree: it stops a failing root guardian and
/// marks the system terminated when the root guardian has stopped.
/// </summary>
internal sealed class TopLevelSupervisor(ActorSystemImpl system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override IInternalActorRef? Parent => null;

    public override ActorSystemImpl System { get; } = system;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender) =>
        System.DeadLetters.Deliver(new Envelope(message, sender), this, DeadLetterReasons.NoRecipient);

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                System.Log.LogError(failed.Cause, "The root guardian failed; stopping the actor system: {Reason}", failed.Cause.Message);
                failed.Child.SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                System.RootTerminated();
                break;
        }
    }
}
