using ActorIpc.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>Lifecycle: create, fail, suspend/resume, restart and stop, each waiting for children where it must.</summary>
internal sealed partial class ActorCell
{
    private volatile bool _terminating;
    private volatile bool _terminated;
    private bool _awaitingDirective;

    public override bool IsTerminated => _terminated;

    public bool IsTerminating => _terminating;

    private void CreateInstance()
    {
        try
        {
            NewActor().InvokePreStart();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(Self.Path, "creating the actor (constructor or PreStart)", e), null);
        }
    }

    /// <summary>
    /// The actor threw: it stops taking user messages (and so do its children), and its parent
    /// decides. Failures while stopping are only logged: the stop goes on.
    /// </summary>
    public void HandleInvokeFailure(Exception cause, object? message)
    {
        // An Ask whose request made the actor throw can get no reply any more: it fails now,
        // with the callee's exception, instead of at its timeout. The asker is a promise here,
        // or, for an Ask from another process, a reference to that process's /temp.
        if (message is not null && ReferenceEquals(_current.Message, message) && IsAsker(_current.Sender))
        {
            _current.Sender!.Tell(new Status.Failure(cause), Self);
        }

        if (_terminating)
        {
            Log.LogError(cause, "{ActorPath} failed while stopping: {Reason}", Self.Path, cause.Message);
            return;
        }

        if (_awaitingDirective)
        {
            // Already suspended and waiting for the parent's answer to an earlier failure.
            Log.LogError(cause, "{ActorPath} failed again while waiting for its supervisor: {Reason}", Self.Path, cause.Message);
            return;
        }

        _awaitingDirective = true;
        Extras.FailedMessage = message;
        Mailbox.Suspend();
        foreach (var child in AllChildren())
        {
            child.SendSystemMessage(new Suspend());
        }

        Parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    private void ClearFailure()
    {
        if (_extras is { } extras)
        {
            extras.FailedMessage = null;
            extras.PendingRecreate = null;
        }
    }

    private static bool IsAsker(IActorRef? sender) =>
        sender is PromiseActorRef || (sender is Spi.ExternalActorRef { Path: { Depth: 2, Parent.Name: "temp" } });

    private void FaultSuspend()
    {
        Mailbox.Suspend();
        foreach (var child in AllChildren())
        {
            child.SendSystemMessage(new Suspend());
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (causedByFailure is not null)
        {
            _awaitingDirective = false;
            ClearFailure();
        }

        Mailbox.Resume();
        foreach (var child in AllChildren())
        {
            child.SendSystemMessage(new Resume(null));
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        CancelReceiveTimeout();
        _extras?.Timers?.CancelAll();
        var failedMessage = _extras?.FailedMessage;
        if (_actor is { } actor)
        {
            try
            {
                actor.InvokePreRestart(cause, failedMessage);
            }
            catch (Exception e)
            {
                Log.LogError(e, "{ActorPath}: PreRestart failed: {Reason}", Self.Path, e.Message);
            }

            // Stashed messages outlive the instance: back to the front of the mailbox.
            if (actor is IWithStash { Stash: { } stash })
            {
                stash.UnstashAll();
            }

            _actor = null;
        }

        if (HasStoppingChildren)
        {
            Extras.PendingRecreate = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _awaitingDirective = false;
        ClearFailure();
        try
        {
            NewActor().InvokePostRestart(cause);
        }
        catch (Exception e)
        {
            // Resume first so the new failure follows the normal path (suspend + ask parent).
            Mailbox.Resume();
            HandleInvokeFailure(new ActorInitializationException(Self.Path, "restarting the actor (constructor or PostRestart)", e), null);
            return;
        }

        Mailbox.Resume();

        // Children that PreRestart kept are restarted too: they were suspended with us.
        foreach (var child in LiveChildren())
        {
            child.SendSystemMessage(new Recreate(cause));
        }
    }

    private void BeginTerminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        CancelReceiveTimeout();
        _extras?.Timers?.CancelAll();
        UnwatchAll();

        // No more user messages from here on: what is queued goes to dead letters at close.
        Mailbox.Suspend();
        StopChildren();
        if (!HasChildren)
        {
            FinishTerminate();
        }
    }

    /// <summary>A child terminated: a pending stop or restart may now complete.</summary>
    private void ChildrenChanged()
    {
        if (_terminating)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }
        }
        else if (_extras?.PendingRecreate is { } cause && !HasStoppingChildren)
        {
            FinishRecreate(cause);
        }
    }

    private void FinishTerminate()
    {
        if (_terminated)
        {
            return;
        }

        try
        {
            _actor?.InvokePostStop();
        }
        catch (Exception e)
        {
            Log.LogError(e, "{ActorPath}: PostStop failed: {Reason}", Self.Path, e.Message);
        }
        finally
        {
            if (_actor is IWithStash { Stash: UnboundedStash stash })
            {
                stash.DropAllToDeadLetters();
            }

            _actor = null;
            _extras?.BehaviorStack.Clear();
            _behavior = null;
            _terminated = true;
            Mailbox.Close();
            Parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            TellWatchersWeDied();
            System.ActorTerminated(this);
        }
    }
}
