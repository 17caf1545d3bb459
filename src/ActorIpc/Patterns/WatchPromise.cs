using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>Waits for an actor's termination (graceful stop): completes with true when it has stopped.</summary>
internal sealed class WatchPromise(ActorSystemImpl system, IInternalActorRef target, Type stopMessageType) : PromiseActorRef(system)
{
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _started = system.Wheel.Elapsed;

    public Task<bool> Task => _completion.Task;

    public override bool IsTerminated => _completion.Task.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        // Replies to the stop message are of no interest; only the termination counts.
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification && notification.Actor.Equals(target))
        {
            if (_completion.TrySetResult(true))
            {
                Cancel();
                Completed();
            }

            return;
        }

        base.SendSystemMessage(message);
    }

    public override void FailUndelivered(IActorRef recipient, object message, string reason)
    {
        // The stop message died because the target is already gone: the watch reports that.
    }

    internal override void SystemTerminated()
    {
        // Every local actor has stopped by now; a target of another process may not have, and
        // its termination can no longer be seen.
        if (target.IsTerminated ? _completion.TrySetResult(true) : _completion.TrySetException(new AskAbandonedException(target.Path, stopMessageType, System.Name)))
        {
            Completed();
        }
    }

    protected internal override void Expire()
    {
        if (_completion.TrySetException(new AskTimeoutException(target.Path, stopMessageType, System.Wheel.Elapsed - _started, IsAlive(target))))
        {
            target.SendSystemMessage(new Unwatch(target, this));
            Completed();
        }
    }
}
