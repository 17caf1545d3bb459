using System.Runtime.CompilerServices;
using ActorIpc.Dispatch;
using ActorIpc.Scheduling;

namespace ActorIpc;

/// <summary>
/// A short-lived reference that stands for a caller waiting on a task (an Ask, a graceful
/// stop). It is also its own timer-wheel entry, so arming its timeout allocates nothing more.
/// Its number under <c>/temp</c> is drawn only when someone asks for it or for its path.
/// </summary>
internal abstract class PromiseActorRef(ActorSystemImpl system) : TimerEntry, IInternalActorRef
{
    private long _tempId;

    /// <summary>
    /// The promise's path, <c>/temp/$n</c>; asking for it exports the promise (see
    /// <see cref="Export"/>). Made on every call, not kept: only logs, errors and tests ask, and
    /// a field for it would grow every Ask by 8 bytes.
    /// </summary>
    public ActorPath Path => System.TempPath.Child(TempName(Export()));

    /// <summary>The number in the promise's path (<c>/temp/$n</c>); 0 until it is exported.</summary>
    internal long TempId => Volatile.Read(ref _tempId);

    /// <summary>
    /// Makes the promise reachable by its number until it completes (someone hands it out as a
    /// sender, e.g. to another process) and returns the number; the same one on every call.
    /// </summary>
    internal long Export()
    {
        if (Volatile.Read(ref _tempId) is var id and not 0)
        {
            return id;
        }

        var next = System.NextTempId();
        if (Interlocked.CompareExchange(ref _tempId, next, 0) is var won and not 0)
        {
            return won;
        }

        if (!IsTerminated)
        {
            System.RegisterTemp(this);

            // Completion may have raced past the check above and found nothing to remove.
            if (IsTerminated)
            {
                System.UnregisterTemp(this);
            }
        }

        return next;
    }

    /// <summary>The last element of the path of the promise numbered <paramref name="id"/>: <c>$</c> and the number.</summary>
    internal static string TempName(long id) => string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $"${id}");

    public IInternalActorRef? Parent => null;

    public ActorSystemImpl System { get; } = system;

    public abstract bool IsTerminated { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public virtual void SendSystemMessage(SystemMessage message)
    {
        // A watch of a promise is answered when it is done; nothing else concerns it.
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true, addressTerminated: false));
        }
    }

    /// <summary>Called when the promise completes: it is no longer reachable by path.</summary>
    protected void Completed()
    {
        if (Volatile.Read(ref _tempId) != 0)
        {
            System.UnregisterTemp(this);
        }
    }

    /// <summary>
    /// Whether <paramref name="target"/> is alive, as far as this process can tell, for a timeout's
    /// message: a local actor knows; an actor of another process is known only once its reference
    /// has learnt that it is gone, and is otherwise reported as not known (null), not as alive.
    /// </summary>
    protected static bool? IsAlive(IActorRef target) => target switch
    {
        Spi.ExternalActorRef external => external.IsTerminated ? false : null,
        IInternalActorRef local => !local.IsTerminated,
        _ => null,
    };

    /// <summary>The message sent with this promise as sender went to dead letters.</summary>
    public abstract void FailUndelivered(IActorRef recipient, object message, string reason);

    /// <summary>The slots of <see cref="AskCancellations"/> holding this promise while it waits on a token; null otherwise.</summary>
    internal AskCancellations.Segment? TokenSegment;

    /// <summary>The promise's index in <see cref="TokenSegment"/>.</summary>
    internal int TokenIndex;

    /// <summary>The token the promise waits on was cancelled.</summary>
    internal virtual void CancelByToken(CancellationToken token)
    {
    }

    /// <summary>The system terminated while the promise was waiting: nothing can complete it any more.</summary>
    internal abstract void SystemTerminated();

    // Promises are never rebuilt from a path, so identity is the object itself (and asking for
    // equality does not force a path into existence).
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public int CompareTo(IActorRef? other) => ActorRefIdentity.Compare(this, other);

    public override string ToString() => ActorRefIdentity.ToString(this);
}
