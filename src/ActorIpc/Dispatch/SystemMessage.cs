namespace ActorIpc.Dispatch;

/// <summary>
/// Messages the runtime sends to an actor cell about its lifecycle. They go through a queue of
/// their own that the mailbox drains before every user message, so that stop, suspend and
/// watch take effect ahead of the user's backlog.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>
    /// The link of the mailbox's lock-free system-message stack: intrusive, so queuing a system
    /// message allocates nothing more and an idle actor carries no queue. A system message
    /// object is therefore sent once and never shared.
    /// </summary>
    internal SystemMessage? Next;
}

/// <summary>Create the actor instance (the first message every cell gets).</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>Restart the actor after <see cref="Cause"/> (sent by the supervisor).</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages until <see cref="Resume"/> (the cell or its parent failed).</summary>
internal sealed class Suspend : SystemMessage
{
}

/// <summary>Continue processing user messages after a failure the supervisor resumed.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor: children first, then PostStop, then the watchers are told.</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary>Start watching <see cref="Watchee"/> on behalf of <see cref="Watcher"/>.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Stop watching <see cref="Watchee"/> on behalf of <see cref="Watcher"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary><see cref="Actor"/> has terminated; sent to each watcher and to the parent.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed, bool addressTerminated, string? reason = null) : SystemMessage
{
    /// <summary>What is known of the loss (for a lost process: the transport's reason), if anything.</summary>
    public string? Reason { get; } = reason;

    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;

    public bool AddressTerminated { get; } = addressTerminated;
}

/// <summary>A child failed with <see cref="Cause"/> and waits, suspended, for its supervisor's directive.</summary>
internal sealed class Failed(IInternalActorRef child, Exception cause, long uid) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>Run a continuation of an async handler on the actor, with the actor's context set.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The async handler that suspended user processing has finished (maybe with a failure).</summary>
internal sealed class AsyncHandlerCompleted(Exception? failure, object? message) : SystemMessage
{
    public Exception? Failure { get; } = failure;

    public object? Message { get; } = message;
}
