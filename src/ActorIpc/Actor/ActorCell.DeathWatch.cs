using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// Death watch. <see cref="Terminated"/> is delivered exactly once per watch: the notification
/// becomes a queued Terminated only if the subject is still watched, and the queued message is
/// dropped if <c>Unwatch</c> came in between.
/// </summary>
internal sealed partial class ActorCell
{
    private static readonly object NoCustomMessage = new();

    private DeathWatchState DeathWatch => Extras.DeathWatch ??= new DeathWatchState();

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, NoCustomMessage);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (_extras?.DeathWatch is { } watch)
        {
            if (watch.Watching.Remove(subject))
            {
                target.SendSystemMessage(new Unwatch(target, Self));
            }

            watch.TerminatedQueued.Remove(subject);
        }

        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object message)
    {
        var target = AsInternal(subject);
        if (ReferenceEquals(target, Self))
        {
            return subject;
        }

        var watching = DeathWatch.Watching;
        if (watching.TryAdd(subject, message))
        {
            target.SendSystemMessage(new Watch(target, Self));
        }
        else
        {
            watching[subject] = message;
        }

        return subject;
    }

    private static IInternalActorRef AsInternal(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject as IInternalActorRef
            ?? throw new ArgumentException($"{subject} is not a reference of this runtime and cannot be watched", nameof(subject));
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, Self) || ReferenceEquals(watcher, Self))
        {
            return;
        }

        if (_terminated)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            return;
        }

        DeathWatch.WatchedBy.Add(watcher);
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, Self))
        {
            _extras?.DeathWatch?.WatchedBy.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        ChildTerminated(notification.Actor);
        if (_extras?.DeathWatch is { } watch && TryRemoveWatched(watch, notification.Actor, out var watched, out var custom) && !_terminating)
        {
            watch.TerminatedQueued[watched] = custom;

            // Queued behind the user messages already in the mailbox, as the death happened after them.
            Self.Tell(new Terminated(watched, notification.ExistenceConfirmed, notification.AddressTerminated), watched);
        }
    }

    /// <summary>
    /// Removes the watched reference the notification is about. A reference obtained from a path
    /// without an incarnation (uid 0) matches the notification of any incarnation at that path,
    /// and the Terminated names the reference the actor watched.
    /// </summary>
    private static bool TryRemoveWatched(DeathWatchState watch, IActorRef dead, out IActorRef watched, out object custom)
    {
        if (watch.Watching.Remove(dead, out custom!))
        {
            watched = dead;
            return true;
        }

        foreach (var (candidate, message) in watch.Watching)
        {
            if ((candidate.Path.Uid == 0 || dead.Path.Uid == 0) && candidate.Path.Equals(dead.Path))
            {
                watch.Watching.Remove(candidate);
                watched = candidate;
                custom = message;
                return true;
            }
        }

        watched = dead;
        return false;
    }

    private void DeliverTerminated(Terminated terminated)
    {
        if (_extras?.DeathWatch is not { } watch || !watch.TerminatedQueued.Remove(terminated.ActorRef, out var custom))
        {
            return;
        }

        Receive(ReferenceEquals(custom, NoCustomMessage) ? terminated : custom);
    }

    private void UnwatchAll()
    {
        if (_extras?.DeathWatch is not { } watch)
        {
            return;
        }

        foreach (var subject in watch.Watching.Keys)
        {
            ((IInternalActorRef)subject).SendSystemMessage(new Unwatch((IInternalActorRef)subject, Self));
        }

        watch.Watching.Clear();
        watch.TerminatedQueued.Clear();
    }

    private void TellWatchersWeDied()
    {
        if (_extras?.DeathWatch is not { } watch)
        {
            return;
        }

        foreach (var watcher in watch.WatchedBy)
        {
            if (!ReferenceEquals(watcher, Parent))
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            }
        }

        watch.WatchedBy.Clear();
    }
}
