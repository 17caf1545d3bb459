using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// The sender of one Ask: the first reply completes the task (a <see cref="Status.Failure"/>
/// rethrows its exception; a reply of another type fails naming both types); the wheel expires
/// it at the timeout; cancellation cancels it; a dead letter fails it at once.
/// </summary>
internal sealed class AskPromise<T>(ActorSystemImpl system, IActorRef target, Type messageType, TimeSpan timeout) : PromiseActorRef(system)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override bool IsTerminated => _completion.Task.IsCompleted;

    /// <summary>Cancels the Ask when <paramref name="cancellationToken"/> is cancelled (at once if it already is).</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        System.AskCancellations.Add(cancellationToken, this);

        // An Ask that ended while it was being added (its timeout fired) released nothing.
        if (IsTerminated)
        {
            AskCancellations.Release(this);
        }
    }

    internal override void CancelByToken(CancellationToken token)
    {
        if (_completion.TrySetCanceled(token))
        {
            Finish();
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            Status.Failure failure => _completion.TrySetException(failure.Cause),
            T reply => _completion.TrySetResult(reply),
            _ => _completion.TrySetException(new AskReplyTypeException(target.Path, typeof(T), message)),
        };

        if (completed)
        {
            Finish();
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // A transport reports that the target (or its process) is gone before it replied.
        if (message is DeathWatchNotification notification && notification.Actor.Path.Equals(target.Path))
        {
            if (_completion.TrySetException(new TargetTerminatedException(target.Path, messageType, notification.AddressTerminated, notification.Reason)))
            {
                Finish();
            }

            return;
        }

        base.SendSystemMessage(message);
    }

    public override void FailUndelivered(IActorRef recipient, object message, string reason)
    {
        if (_completion.TrySetException(new MessageNotDeliveredException(recipient.Path, message.GetType(), reason)))
        {
            Finish();
        }
    }

    protected internal override void Expire()
    {
        // The time waited is the timeout plus how late the wheel fired: derived from the
        // deadline, so an Ask reads no clock when it starts.
        var alive = IsAlive(target);
        var elapsed = timeout + TimeSpan.FromTicks(Math.Max(0, System.Wheel.Elapsed.Ticks - DeadlineTime));
        if (_completion.TrySetException(new AskTimeoutException(target.Path, messageType, elapsed, alive)))
        {
            AskCancellations.Release(this);
            Completed();
        }
    }

    internal override void SystemTerminated()
    {
        if (_completion.TrySetException(new AskAbandonedException(target.Path, messageType, System.Name)))
        {
            Finish();
        }
    }

    private void Finish()
    {
        Cancel();
        AskCancellations.Release(this);
        Completed();
    }
}
