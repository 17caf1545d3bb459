using ActorIpc.Dispatch;
using ActorIpc.Scheduling;
using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// The runtime side of one actor: its instance, behavior, mailbox, family and watches. Every
/// member runs on the thread that runs the mailbox, one at a time, unless noted; that is what
/// lets actors and this class go without locks. Split by concern into partial files
/// (children, death watch, fault handling, receive timeout, async handlers).
/// </summary>
internal sealed partial class ActorCell : LocalActorRef, IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    [ThreadStatic]
    private static ActorCell? t_underConstruction;

    private ActorBase? _actor;
    // Null stands for the instance's initial behavior (no delegate per actor for it).
    private Receive? _behavior;
    private Envelope _current;
    private CellExtras? _extras;

    public ActorCell(ActorSystemImpl system, ActorPath path, Props props, IInternalActorRef parent, Mailbox mailbox)
        : base(path, mailbox)
    {
        System = system;
        Props = props;
        Parent = parent;
    }

    /// <summary>The cell whose mailbox the current thread is running, if any.</summary>
    public static ActorCell? Current => t_current;

    public override ActorSystemImpl System { get; }

    /// <summary>The actor's reference: the cell itself.</summary>
    public LocalActorRef Self => this;

    public Props Props { get; }

    public override IInternalActorRef Parent { get; }

    /// <summary>The actor instance; null before creation, between a failed creation and its retry, and after stop.</summary>
    public ActorBase? Actor => _actor;

    /// <summary>The message being handled (for stash).</summary>
    public Envelope CurrentEnvelope => _current;

    IActorRef IActorContext.Self => Self;

    IActorRef IActorContext.Parent => Parent;

    ActorSystem IActorContext.System => System;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public ILogger Log => Extras.Log ??= new ActorLogger(System.LoggerFactory.CreateLogger(Props.ActorType.FullName ?? Props.ActorType.Name), Self.Path);

    /// <summary>The rarely used state, made on first use (keeps idle actors small).</summary>
    private CellExtras Extras => _extras ??= new CellExtras();

    /// <summary>Marks the current thread as running <paramref name="cell"/>; returns what to restore.</summary>
    public static ActorCell? EnterThread(ActorCell cell)
    {
        var previous = t_current;
        t_current = cell;
        return previous;
    }

    public static void LeaveThread(ActorCell? previous) => t_current = previous;

    /// <summary>Called by <see cref="ActorBase"/>'s constructor to bind to the cell creating it.</summary>
    public static ActorCell? TakeCellUnderConstruction()
    {
        var cell = t_underConstruction;
        t_underConstruction = null;
        return cell;
    }

    public void Invoke(in Envelope envelope)
    {
        _current = envelope;
        var message = envelope.Message;
        try
        {
            // One null check covers receive timeouts and timers for actors that use neither.
            var extras = _extras;
            if (extras?.ReceiveTimeout is { } timeout && message is not INotInfluenceReceiveTimeout)
            {
                timeout.LastActivity = System.Wheel.Elapsed;
            }

            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else if (extras?.Timers is { } timers && timers.TryUnwrap(message, out var timerMessage))
            {
                if (timerMessage is not null)
                {
                    Receive(timerMessage);
                }
            }
            else
            {
                Receive(message);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, message);
        }
    }

    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateInstance();
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleChildFailure(failed);
                    break;
                case RunContinuation continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    AsyncHandlerFinished(completed);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, null);
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);

        // _behavior is the top of the stack; replacing it keeps what lies below.
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Extras.BehaviorStack.Push(_behavior);
        _behavior = receive;
    }

    public void Unbecome()
    {
        if (_extras is { } extras && extras.BehaviorStack.TryPop(out var below))
        {
            _behavior = below;
        }
    }

    public ActorSelection ActorSelection(string path) => ActorIpc.ActorSelection.Create(System, Self, path);

    public void PublishUnhandled(object message)
    {
        System.EventStream.Publish(new UnhandledMessage(message, _current.Sender, Self));
        if (System.Settings.DebugUnhandled)
        {
            Log.LogDebug("Unhandled message of type {MessageType} from {Sender}", message.GetType().FullName, _current.Sender?.Path.ToString() ?? "no sender");
        }
    }

    private void Receive(object message)
    {
        var handled = _behavior is null ? _actor!.ReceiveInitial(message) : _behavior(message);
        if (!handled)
        {
            _actor!.InvokeUnhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                DeliverTerminated(terminated);
                break;
            case PoisonPill:
                Self.SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException(Self.Path);
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case ReceiveTimeoutCheck check:
                CheckReceiveTimeout(check);
                break;
        }
    }

    /// <summary>Creates a fresh instance through the props factory and binds the per-instance features.</summary>
    private ActorBase NewActor()
    {
        _extras?.BehaviorStack.Clear();
        _behavior = null;
        ActorBase actor;
        t_underConstruction = this;
        try
        {
            actor = Props.Factory();
        }
        catch
        {
            t_underConstruction = null;
            throw;
        }

        // The ActorBase constructor takes the cell; if it is still here, the factory handed back
        // an instance it had made before instead of a new one.
        var reused = t_underConstruction is not null;
        t_underConstruction = null;
        if (actor is null || reused || !ReferenceEquals(actor.Cell, this))
        {
            throw new InvalidOperationException(
                $"the Props factory for {Props.ActorType.Name} must create a new actor instance on every call; it returned {(actor is null ? "null" : "an instance created earlier")}");
        }

        if (actor is IWithStash withStash)
        {
            withStash.Stash = new UnboundedStash(this);
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = Extras.Timers ??= new ActorTimers(Self, System.Wheel);
        }

        actor.OnConstructed();
        _actor = actor;
        return actor;
    }
}
