using System.Collections.Concurrent;
using ActorIpc.Configuration;
using ActorIpc.Dispatch;
using ActorIpc.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorIpc;

/// <summary>The actor system: guardians, dispatchers, scheduler, event stream and dead letters.</summary>
internal sealed class ActorSystemImpl : ActorSystem
{
    private readonly ConcurrentDictionary<string, MessageDispatcher> _dispatchers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LocalActorRef _root;
    private readonly LocalActorRef _userGuardian;
    private readonly LocalActorRef _systemGuardian;
    private readonly WheelScheduler _scheduler;
    // With a manual clock: the clock's moves walk the scheduler under this lock, which the
    // system's termination takes to stop it, so a move in flight never meets a stopping wheel.
    private readonly Lock _clockGate = new();
    private readonly IDisposable? _clockSubscription;
    // Asks register here when their promise is handed out as a sender (to another process).
    private readonly TempRegistry _temp = new();
    private Func<ActorPath, IActorRef?>? _externalResolver;
    private Func<object, object>? _localMessageTransform;
    private readonly List<(string Name, Func<CancellationToken, Task> Run)> _afterActorsStopped = [];
    private bool _actorsStopped;
    private long _nextUid;
    private long _nextTempId;
    private volatile bool _shuttingDown;

    public ActorSystemImpl(string name, ActorSystemSettings settings, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        if (!ActorName.IsValidSystemName(name, out var reason))
        {
            throw new InvalidActorNameException(name, reason);
        }

        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Log = LoggerFactory.CreateLogger("ActorIpc.ActorSystem");
        Address = Address.Local(name);
        _nextUid = Random.Shared.NextInt64(1, long.MaxValue / 2);

        var rootPath = ActorPath.CreateRoot(Address);
        TempPath = rootPath / "temp";
        EventStream = new EventStream();
        DeadLetters = new DeadLetterOffice(rootPath / "deadLetters", this);
        // On a clock that moves by hand the scheduler has no thread and moves with the clock, at
        // the wheel's finest tick, so that a timer fires once the clock reaches its deadline.
        var manualClock = TimeProvider as IManualTimeSource;
        _scheduler = new WheelScheduler(new HashedWheelTimer(
            manualClock is null ? settings.SchedulerTick : HashedWheelTimer.MinTickDuration,
            settings.TicksPerWheel,
            e => Log.LogError(e, "A scheduled task failed: {Reason}", e.Message),
            manualClock: manualClock is not null));
        _clockSubscription = manualClock?.Subscribe(MoveScheduler);
        AskCancellations = new AskCancellations(relay => _scheduler.ScheduleRepeatedly(AskCancellations.SweepInterval, AskCancellations.SweepInterval, () => relay.Sweep()));
        CoordinatedShutdown = new CoordinatedShutdown(this, settings.ShutdownPhases);

        // The guardians exist before the system is returned, so ActorOf works at once; the root
        // starts last, when it can watch both.
        var topLevel = new TopLevelSupervisor(this, rootPath / "bubble-walker");
        _root = CreateActor(Props.Create(() => new RootGuardianActor(_userGuardian!, _systemGuardian!)), topLevel, rootPath.WithUid(NextUid()));
        _userGuardian = _root.Cell.CreateChild(Props.Create<GuardianActor>(), "user");
        _systemGuardian = _root.Cell.CreateChild(Props.Create<GuardianActor>(), "system");
        _root.Start();

        CoordinatedShutdown.AddTask(CoordinatedShutdown.ActorSystemTerminatePhase, "stop-actors", _ => StopActors());
        DeadLetterLogger.Start(this);
    }

    public override string Name { get; }

    public override Address Address { get; }

    public override ActorSystemSettings Settings { get; }

    public override IScheduler Scheduler => _scheduler;

    /// <summary>The scheduler, for the runtime's own allocation-free entries (Ask timeouts).</summary>
    public WheelScheduler Wheel => _scheduler;

    public override EventStream EventStream { get; }

    public override DeadLetterOffice DeadLetters { get; }

    public override ILoggerFactory LoggerFactory { get; }

    public override TimeProvider TimeProvider { get; }

    public override ILogger Log { get; }

    public override CoordinatedShutdown CoordinatedShutdown { get; }

    public override Task WhenTerminated => _terminated.Task;

    /// <summary>Relays the cancellation tokens given to Asks.</summary>
    public AskCancellations AskCancellations { get; }

    /// <summary>The parent path of Ask promises and other short-lived references.</summary>
    public ActorPath TempPath { get; }

    public LocalActorRef RootGuardian => _root;

    public LocalActorRef UserGuardian => _userGuardian;

    public LocalActorRef SystemGuardian => _systemGuardian;

    /// <summary>True once the coordinated shutdown has begun.</summary>
    public bool IsShuttingDown => _shuttingDown;

    public override IActorRef ActorOf(Props props, string? name = null) => _userGuardian.Cell.ActorOf(props, name);

    /// <summary>Creates an actor under <c>/system</c>, for the runtime's and extensions' own actors.</summary>
    public IActorRef SystemActorOf(Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(props);
        ActorName.ValidatePathElement(name);
        return _systemGuardian.Cell.CreateChild(props, name);
    }

    public override ActorSelection ActorSelection(string path) => ActorIpc.ActorSelection.Create(this, null, path);

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not IInternalActorRef target)
        {
            throw new ArgumentException($"{actor} is not a reference of this runtime", nameof(actor));
        }

        if (target.Parent is LocalActorRef { Cell: var parent } && ReferenceEquals(parent.System, this))
        {
            parent.Stop(actor);
        }
        else
        {
            target.SendSystemMessage(new Terminate());
        }
    }

    public override Task Terminate()
    {
        _shuttingDown = true;
        return CoordinatedShutdown.Run("ActorSystem.Terminate");
    }

    public long NextUid() => Interlocked.Increment(ref _nextUid);

    /// <summary>The number of the next promise handed out as a sender (<c>/temp/$n</c>).</summary>
    public long NextTempId() => Interlocked.Increment(ref _nextTempId);

    /// <summary>Makes a promise reachable by its number (it was handed out as a sender, e.g. to another process).</summary>
    public void RegisterTemp(PromiseActorRef promise) => _temp.Add(promise);

    /// <summary>The registered promise numbered <paramref name="id"/>, or null.</summary>
    public PromiseActorRef? ResolveTemp(long id) => _temp.Find(id);

    /// <summary>The registered promise named <paramref name="name"/> (the last element of its <c>/temp</c> path, <c>$n</c>), or null.</summary>
    public PromiseActorRef? ResolveTemp(ReadOnlySpan<char> name) =>
        TryParseTempName(name, out var id) ? ResolveTemp(id) : null;

    public void UnregisterTemp(PromiseActorRef promise) => _temp.Remove(promise);

    /// <summary>The registered promise named by the UTF-8 bytes <paramref name="name"/> (<c>$n</c>), or null.</summary>
    public PromiseActorRef? ResolveTemp(ReadOnlySpan<byte> name) =>
        TryParseTempName(name, out var id) ? ResolveTemp(id) : null;

    /// <summary>Reads <c>$n</c>, the name of a promise's path, as written by <see cref="PromiseActorRef.TempName"/>: no sign, no leading zero.</summary>
    public static bool TryParseTempName(ReadOnlySpan<char> name, out long id)
    {
        id = 0;
        return name.Length > 1 && name[0] == '$' && name[1] != '0'
            && long.TryParse(name[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    /// <summary>As <see cref="TryParseTempName(ReadOnlySpan{char}, out long)"/>, from UTF-8 bytes (a transport's frame).</summary>
    public static bool TryParseTempName(ReadOnlySpan<byte> name, out long id)
    {
        id = 0;
        return name.Length > 1 && name[0] == (byte)'$' && name[1] != (byte)'0'
            && long.TryParse(name[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    /// <summary>Applied to every message sent to a local actor (serialize-messages); null when off.</summary>
    public Func<object, object>? LocalMessageTransform => _localMessageTransform;

    public void SetLocalMessageTransform(Func<object, object> transform)
    {
        if (Interlocked.CompareExchange(ref _localMessageTransform, transform, null) is not null)
        {
            throw new InvalidOperationException($"{Name} already transforms local messages");
        }
    }

    /// <summary>How references to other systems' actors are made; null until a transport installs one.</summary>
    public Func<ActorPath, IActorRef?>? ExternalResolver => Volatile.Read(ref _externalResolver);

    public void SetExternalResolver(Func<ActorPath, IActorRef?> resolver)
    {
        if (Interlocked.CompareExchange(ref _externalResolver, resolver, null) is not null)
        {
            throw new InvalidOperationException($"{Name} already has a resolver for other systems' addresses (one transport per actor system)");
        }
    }

    /// <summary>The local actor, promise or dead letters at <paramref name="path"/>'s elements; null when none (or another incarnation).</summary>
    public IActorRef? ResolveLocal(ActorPath path)
    {
        var elements = path.Elements;
        if (elements.Count == 0)
        {
            return _root;
        }

        if (elements.Count == 1 && elements[0] == "deadLetters")
        {
            return DeadLetters;
        }

        if (elements.Count == 2 && elements[0] == "temp")
        {
            return ResolveTemp(elements[1]);
        }

        var cell = _root.Cell;
        foreach (var element in elements)
        {
            if (cell.GetChild(element) is not { } child)
            {
                return null;
            }

            cell = child.Cell;
        }

        // A path with a uid names one incarnation: a message for an earlier one must not reach a successor.
        return path.Uid != 0 && cell.Path.Uid != path.Uid ? null : cell;
    }

    /// <summary>Builds an actor's reference, cell and mailbox; the actor starts with <see cref="LocalActorRef.Start"/>.</summary>
    public LocalActorRef CreateActor(Props props, IInternalActorRef parent, ActorPath path)
    {
        var dispatcher = Dispatcher(props.Dispatcher);
        var mailbox = new Mailbox(CreateQueue(props.Mailbox), dispatcher);
        var cell = new ActorCell(this, path, props, parent, mailbox);
        mailbox.SetCell(cell);
        dispatcher.Attach(mailbox);
        return cell;
    }

    /// <summary>The root guardian has stopped: every actor is gone.</summary>
    public void RootTerminated() => _ = CompleteTerminationAsync();

    /// <summary>Adds a task that runs once every actor has stopped, before <see cref="WhenTerminated"/> completes.</summary>
    public void AddAfterActorsStopped(string name, Func<CancellationToken, Task> run)
    {
        lock (_afterActorsStopped)
        {
            if (_actorsStopped)
            {
                throw new InvalidOperationException($"cannot add '{name}': the actor system {Name} has terminated");
            }

            _afterActorsStopped.Add((name, run));
        }
    }

    private async Task CompleteTerminationAsync()
    {
        (string Name, Func<CancellationToken, Task> Run)[] hooks;
        lock (_afterActorsStopped)
        {
            _actorsStopped = true;
            hooks = [.. _afterActorsStopped];
        }

        // The tasks run in reverse order of registration (last started, first stopped), each
        // bounded by the final phase's timeout so that a stuck one cannot hold up termination.
        var timeout = Settings.ShutdownPhases.Count > 0 ? Settings.ShutdownPhases[^1].Timeout : TimeSpan.FromSeconds(10);
        for (var i = hooks.Length - 1; i >= 0; i--)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await hooks[i].Run(cancel.Token).WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.LogWarning("Termination task {Task} did not finish within {Timeout}; the system terminates without it", hooks[i].Name, timeout);
            }
            catch (Exception e)
            {
                Log.LogError(e, "Termination task {Task} failed: {Reason}", hooks[i].Name, e.Message);
            }
        }

        // No reply and no timeout can reach a promise any more: each one still waiting fails
        // now (those on the wheel, then those with no timeout, held by their token), so every
        // Ask ends.
        _clockSubscription?.Dispose();
        IReadOnlyList<TimerEntry> unfired;
        lock (_clockGate)
        {
            unfired = _scheduler.Wheel.Stop();
        }

        foreach (var entry in unfired)
        {
            (entry as PromiseActorRef)?.SystemTerminated();
        }

        AskCancellations.Close();
        _terminated.TrySetResult();
    }

    // A move of the manual clock: fires what came due, on the thread that moved it. Moves from
    // several threads take turns; once the system has stopped its scheduler they do nothing.
    private void MoveScheduler(TimeSpan moved)
    {
        lock (_clockGate)
        {
            if (!_scheduler.Wheel.IsStopped)
            {
                _scheduler.Wheel.Walk(moved);
            }
        }
    }

    /// <summary>An actor finished terminating (hook for extensions such as remoting).</summary>
    public void ActorTerminated(ActorCell cell)
    {
    }

    private Task StopActors()
    {
        _userGuardian.SendSystemMessage(new Terminate());
        return _terminated.Task;
    }

    /// <summary>Runs actors created with <see cref="MessageDispatcher.Id"/> on <paramref name="dispatcher"/>; tests use it to watch how mailboxes are scheduled.</summary>
    internal void UseDispatcher(MessageDispatcher dispatcher) => _dispatchers[dispatcher.Id] = dispatcher;

    private MessageDispatcher Dispatcher(string? id)
    {
        id ??= "default";
        if (_dispatchers.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (!Settings.Dispatchers.TryGetValue(id, out var settings))
        {
            throw new ActorIpcException($"no dispatcher '{id}' is configured: define it at actoripc.actor.dispatchers.{id} (known: {string.Join(", ", Settings.Dispatchers.Keys)})");
        }

        return _dispatchers.GetOrAdd(id, _ => settings.Pinned
            ? new PinnedDispatcher(id, settings.Throughput, settings.ThroughputDeadline)
            : new ThreadPoolDispatcher(id, settings.Throughput, settings.ThroughputDeadline));
    }

    /// <summary>The queue of mailbox <paramref name="id"/>; null for the default unbounded queue, which the mailbox holds inline.</summary>
    private IMessageQueue? CreateQueue(string? id)
    {
        id ??= "default";
        if (!Settings.Mailboxes.TryGetValue(id, out var settings))
        {
            throw new ActorIpcException($"no mailbox '{id}' is configured: define it at actoripc.actor.mailboxes.{id} (known: {string.Join(", ", Settings.Mailboxes.Keys)})");
        }

        return settings.Kind switch
        {
            MailboxKind.Bounded => new BoundedMessageQueue(settings.Capacity, settings.Overflow),
            MailboxKind.Priority => new PriorityMessageQueue(settings.Priority!),
            _ => null,
        };
    }
}
