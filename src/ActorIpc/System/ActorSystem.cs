using ActorIpc.Configuration;
using ActorIpc.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// A hierarchy of actors in one process, with its configuration, scheduler, event stream and
/// dead letters. Create one per process (<see cref="Create(string, Config?, ILoggerFactory?, System.TimeProvider?)"/>),
/// create top-level actors with <see cref="ActorOf"/>, and end it with <see cref="Terminate"/>
/// (or <c>await using</c>).
/// </summary>
public abstract class ActorSystem : IAsyncDisposable
{
    private protected ActorSystem()
    {
    }

    /// <summary>The system's name (ASCII letters, digits, '-' and '_').</summary>
    public abstract string Name { get; }

    /// <summary>The address actors of this system have in their paths.</summary>
    public abstract Address Address { get; }

    /// <summary>The settings, read once from the configuration.</summary>
    public abstract ActorSystemSettings Settings { get; }

    /// <summary>The system's timer wheel.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>The system's publish/subscribe bus (dead letters, unhandled messages, your own events).</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go; each is published as a <see cref="DeadLetter"/>.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>The logger factory actors log through.</summary>
    public abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public abstract ILogger Log { get; }

    /// <summary>
    /// The clock by which the system measures the time its decisions depend on: a supervisor
    /// strategy's restart window (<c>withinTimeRange</c>) and the quiet period of the dead-letter
    /// log. <see cref="System.TimeProvider.System"/> unless another was given at creation (a
    /// test's manual clock). Actors may read it too, so that their own time checks can be
    /// tested. The <see cref="Scheduler"/> (and the timers, receive timeouts and Ask timeouts
    /// that run on it) keeps the machine's clock, except on the TestKit's <c>ManualClock</c>:
    /// then it has no thread and fires what came due each time the test moves the clock.
    /// </summary>
    public abstract TimeProvider TimeProvider { get; }

    /// <summary>The ordered shutdown that <see cref="Terminate"/> runs; add your own tasks to its phases.</summary>
    public abstract CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when the system has terminated (every actor stopped).</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Creates a system with the reference configuration.</summary>
    public static ActorSystem Create(string name) => Create(name, (Config?)null);

    /// <summary>
    /// Creates a system whose configuration is <paramref name="config"/> laid over the reference
    /// configuration (substitutions resolve over the merged result).
    /// </summary>
    /// <param name="name">The system's name.</param>
    /// <param name="config">The configuration over the reference one; null for the reference alone.</param>
    /// <param name="loggerFactory">Where the system's logs go; nowhere when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="TimeProvider"/>); the machine's when null.</param>
    /// <exception cref="InvalidActorNameException">The name is not a valid system name.</exception>
    /// <exception cref="HoconException">A setting is invalid; the message names its path and position.</exception>
    public static ActorSystem Create(string name, Config? config, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        new ActorSystemImpl(name, ActorSystemSettings.Load(config), loggerFactory, timeProvider);

    /// <summary>Creates a system configured by the HOCON text <paramref name="hocon"/> over the reference configuration.</summary>
    /// <param name="name">The system's name.</param>
    /// <param name="hocon">The configuration's text, over the reference one.</param>
    /// <param name="loggerFactory">Where the system's logs go; nowhere when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="TimeProvider"/>); the machine's when null.</param>
    /// <exception cref="HoconException">The text or a setting is invalid.</exception>
    public static ActorSystem Create(string name, string hocon, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        var config = ConfigFactory.ParseString(hocon, new ConfigParseOptions { OriginName = "config", Resolve = false });
        return Create(name, config, loggerFactory, timeProvider);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>; a null name gets a generated one.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by absolute path (<c>/user/a/*</c> or <c>actoripc://name/user/a</c>).</summary>
    public abstract ActorSelection ActorSelection(string path);

    /// <summary>Stops <paramref name="actor"/> after its current message (children first).</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>Runs the coordinated shutdown (every phase, the actors last) and completes when the system has terminated.</summary>
    public abstract Task Terminate();

    /// <summary>Terminates the system.</summary>
    public async ValueTask DisposeAsync()
    {
        await Terminate().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => Address.ToString();
}
