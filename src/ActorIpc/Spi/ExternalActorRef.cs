using ActorIpc.Dispatch;

namespace ActorIpc.Spi;

/// <summary>
/// The base of references whose actors live outside this actor system (in another process),
/// for transport implementers. Actors use such a reference like any other: they send to it,
/// ask it, and watch it. The runtime turns watches into <see cref="OnWatch"/> and
/// <see cref="OnUnwatch"/> calls; the implementation must, when the actor or its whole process
/// is gone, tell each watcher through <see cref="ActorSystemSpi.NotifyTerminated"/>.
/// </summary>
public abstract class ExternalActorRef : IActorRef, IInternalActorRef
{
    private readonly ActorSystemImpl _system;

    private ActorPath? _path;

    /// <summary>Creates a reference to the actor at <paramref name="path"/> for use by <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentException">The system is not an ActorIpc actor system.</exception>
    protected ExternalActorRef(ActorSystem system, ActorPath path)
        : this(system)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
    }

    /// <summary>
    /// Creates a reference for use by <paramref name="system"/> whose path is made on first use,
    /// by <see cref="CreatePath"/>: for a reference made once per message (another process's
    /// Ask, answered once), whose path often nobody asks for.
    /// </summary>
    /// <exception cref="ArgumentException">The system is not an ActorIpc actor system.</exception>
    protected ExternalActorRef(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system as ActorSystemImpl ?? throw new ArgumentException("the system must be created by ActorSystem.Create", nameof(system));
    }

    /// <inheritdoc />
    public ActorPath Path => _path ?? InitializePath();

    /// <summary>The actor system this reference is used in.</summary>
    public ActorSystem System => _system;

    /// <summary>True once the actor is known to be gone; sends then go to dead letters.</summary>
    public virtual bool IsTerminated => false;

    IInternalActorRef? IInternalActorRef.Parent => null;

    ActorSystemImpl? IInternalActorRef.System => _system;

    /// <inheritdoc />
    public abstract void Tell(object message, IActorRef? sender);

    void IInternalActorRef.SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when Equals(watch.Watchee):
                OnWatch(watch.Watcher);
                break;
            case Unwatch unwatch when Equals(unwatch.Watchee):
                OnUnwatch(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                OnWatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                break;
            case Terminate:
                OnStopRequested();
                break;
        }
    }

    /// <summary>
    /// A local actor (or Ask/stop promise) starts watching this reference. When the actor stops
    /// or its process is lost, call <see cref="ActorSystemSpi.NotifyTerminated"/> for
    /// <paramref name="watcher"/>, exactly once.
    /// </summary>
    protected abstract void OnWatch(IActorRef watcher);

    /// <summary>A local watcher stops watching this reference.</summary>
    protected abstract void OnUnwatch(IActorRef watcher);

    /// <summary>
    /// A local actor that this reference's actor watches (see <see cref="ActorSystemSpi.Watch"/>)
    /// has terminated: forward the notification to the actor.
    /// </summary>
    protected virtual void OnWatchedActorTerminated(IActorRef deadActor, bool existenceConfirmed, bool addressTerminated)
    {
    }

    /// <summary>
    /// Makes the path of a reference created without one, on its first use. It may run more than
    /// once when threads race, so it must return equal paths; one of them is kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not overridden by a reference created without a path.</exception>
    protected virtual ActorPath CreatePath() =>
        throw new InvalidOperationException($"{GetType().Name} was created without a path and does not make one (override CreatePath).");

    private ActorPath InitializePath()
    {
        var made = CreatePath() ?? throw new InvalidOperationException($"{GetType().Name}.CreatePath returned null.");
        return Interlocked.CompareExchange(ref _path, made, null) ?? made;
    }

    /// <summary>Someone stopped this reference (<c>Context.Stop</c>, <c>system.Stop</c>); by default it is sent a <see cref="PoisonPill"/>.</summary>
    protected virtual void OnStopRequested() => Tell(PoisonPill.Instance, null);

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => ActorRefIdentity.Equals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ActorRefIdentity.GetHashCode(this);

    /// <inheritdoc />
    public int CompareTo(IActorRef? other) => ActorRefIdentity.Compare(this, other);

    /// <inheritdoc />
    public override string ToString() => ActorRefIdentity.ToString(this);
}
