using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// The base of every actor. An actor handles one message at a time, on one thread at a time,
/// so its fields need no locks. Override <see cref="OnReceive"/> (or use <see cref="ReceiveActor"/>);
/// create actors with <c>ActorOf(Props)</c>, never with <c>new</c>.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="ActorIpcException">The actor was created with <c>new</c> instead of <c>ActorOf(Props)</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCellUnderConstruction()
            ?? throw new ActorIpcException($"{GetType().FullName} was created with 'new'; actors are created with ActorOf(Props.Create<{GetType().Name}>()).");
    }

    /// <summary>The actor's context: its reference, sender, family, and behavior controls.</summary>
    protected IActorContext Context => _cell;

    /// <summary>The actor's own reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Who sent the current message; the system's dead letters when nobody did.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's logger; entries carry the actor's path in their scope.</summary>
    protected ILogger Log => _cell.Log;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message. Call <see cref="Unhandled"/> for messages the actor does not handle.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>
    /// Called for a message no behavior handled. An unhandled <see cref="Terminated"/> fails the
    /// actor with a <see cref="DeathPactException"/>; anything else is published as an
    /// <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.PublishUnhandled(message);
    }

    /// <summary>Called when the actor starts, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped; its children have stopped before.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before a restart. By default stops every child and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure that caused the restart.</param>
    /// <param name="message">The message being handled when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.Children)
        {
            _cell.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. By default calls <see cref="PreStart"/>.</summary>
    /// <param name="reason">The failure that caused the restart.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// How this actor supervises its children. Called once per failure; the default restarts a
    /// failing child, up to the configured limits, and stops it on initialization failures.
    /// </summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => ActorIpc.SupervisorStrategy.Default;

    // The runtime calls the protected hooks through these, so that subclasses override them as
    // plain 'protected' members whichever assembly they live in.
    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();

    /// <summary>
    /// Handles a message with the behavior the actor starts with (and returns to on restart);
    /// false when unhandled. A plain actor's is <see cref="OnReceive"/>: it reports unhandled
    /// messages itself, through <see cref="Unhandled"/>.
    /// </summary>
    internal virtual bool ReceiveInitial(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Called once the instance is constructed, before <see cref="PreStart"/>.</summary>
    internal virtual void OnConstructed()
    {
    }
}
