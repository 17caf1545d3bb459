using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// The sender of one Ask: the first reply completes the task (a <see cref="Status.Failure"/>
/// rethrows its exception; a reply of another type fails naming both types); the wheel expires
/// it at the timeout; cancellation cancels it; a dead letter fails it at once.
/// </summary>
internal sealed class AskPromise<T>(ActorSystemImpl system, IActorRef target, Type messageType, TimeSpan timeout) : PromiseActorRef(system), IThreadPoolWorkItem
{
    private const int Pending = 0;
    private const int Replied = 1;
    private const int Failed = 2;
    private const int Canceled = 3;

    // Continuations run synchronously when the task completes, but the task is completed only
    // by Execute: on a pool thread (queued by whichever thread settled the Ask: an actor's, the
    // timer wheel's), or in a transport read thread's inline turns. Code awaiting an Ask never
    // runs on the thread that settled it.
    private readonly TaskCompletionSource<T> _completion = new();
    private int _outcome;
    private T? _reply;

    // The exception, or the cancelling token (boxed: cancellations are rare, and a field of its
    // own would grow every Ask).
    private object? _failure;

    public Task<T> Task => _completion.Task;

    public override bool IsTerminated => Volatile.Read(ref _outcome) != Pending;

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
        if (TrySettle(Canceled, default, token))
        {
            Finish();
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            Status.Failure failure => TrySettle(Failed, default, failure.Cause),
            T reply => TrySettle(Replied, reply, null),
            _ => TrySettle(Failed, default, new AskReplyTypeException(target.Path, typeof(T), message)),
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
            if (TrySettle(Failed, default, new TargetTerminatedException(target.Path, messageType, notification.AddressTerminated, notification.Reason)))
            {
                Finish();
            }

            return;
        }

        base.SendSystemMessage(message);
    }

    public override void FailUndelivered(IActorRef recipient, object message, string reason)
    {
        if (TrySettle(Failed, default, new MessageNotDeliveredException(recipient.Path, message.GetType(), reason)))
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
        if (TrySettle(Failed, default, new AskTimeoutException(target.Path, messageType, elapsed, alive)))
        {
            AskCancellations.Release(this);
            Completed();
        }
    }

    internal override void SystemTerminated()
    {
        if (TrySettle(Failed, default, new AskAbandonedException(target.Path, messageType, System.Name)))
        {
            Finish();
        }
    }

    /// <summary>Completes the task (see <see cref="_completion"/>); runs once, after the Ask was settled.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        switch (_outcome)
        {
            case Replied:
                _completion.SetResult(_reply!);
                break;
            case Failed:
                _completion.SetException((Exception)_failure!);
                break;
            default:
                _completion.SetCanceled((CancellationToken)_failure!);
                break;
        }
    }

    // The first outcome wins; the task completes with it on another thread (see _completion).
    private bool TrySettle(int outcome, T? reply, object? failure)
    {
        if (Interlocked.CompareExchange(ref _outcome, outcome, Pending) != Pending)
        {
            return false;
        }

        (_reply, _failure) = (reply, failure);
        if (!Spi.InlineTurns.TryDefer(this))
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return true;
    }

    private void Finish()
    {
        Cancel();
        AskCancellations.Release(this);
        Completed();
    }
}
