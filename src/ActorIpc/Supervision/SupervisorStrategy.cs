using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// How an actor handles its children's failures: a decider picks a <see cref="Directive"/> per
/// exception, and restarts are limited to <see cref="MaxNrOfRetries"/> within
/// <see cref="WithinTimeRange"/>; past the limit the child is stopped.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed (within the window); negative for no limit.</param>
    /// <param name="withinTimeRange">The window restarts are counted in; null counts them forever.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged (with the child's path and exception).</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange is { } window)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero, nameof(withinTimeRange));
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// The default: one-for-one, restart on any exception, but stop on
    /// <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/>; no restart limit.
    /// </summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops a child at its first failure.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within the window; negative for no limit.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window restarts are counted in; null counts them for the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>The default decider: stop on initialization, kill and death-pact failures, restart otherwise.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies <paramref name="directive"/> (not Escalate) for the failure of <paramref name="child"/>.</summary>
    internal abstract void Apply(ActorCell parent, LocalActorRef child, Exception cause, Directive directive);

    /// <summary>Counts a restart of <paramref name="child"/>; false when it would pass the limit.</summary>
    internal bool RequestRestartPermission(LocalActorRef child)
    {
        if (MaxNrOfRetries < 0 && WithinTimeRange is null)
        {
            return true;
        }

        var limit = MaxNrOfRetries < 0 ? 1 : MaxNrOfRetries;
        if (WithinTimeRange is not { } window)
        {
            return ++child.Cell.RestartCount <= limit;
        }

        var clock = child.Cell.System.TimeProvider;
        var now = clock.GetTimestamp();
        if (child.Cell.RestartCount == 0 || clock.GetElapsedTime(child.Cell.RestartWindowStart, now) > window)
        {
            child.Cell.RestartWindowStart = now;
            child.Cell.RestartCount = 1;
            return limit >= 1;
        }

        return ++child.Cell.RestartCount <= limit;
    }

    internal void LogFailure(ActorCell parent, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled)
        {
            return;
        }

        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        parent.Log.Log(level, cause, "{ChildPath} failed with {ExceptionType}: {Reason}; supervisor directive: {Directive}",
            child.Path, cause.GetType().FullName, cause.Message, directive);
    }
}
