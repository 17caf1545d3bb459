using ActorIpc.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorIpc.TestKit;

/// <summary>
/// The base of actor tests, for any test framework: an actor system, a default probe whose
/// reference is <see cref="TestActor"/>, and the expectations of <see cref="TestProbe"/> on it.
/// Every timeout is dilated by <c>actoripc.testkit.timefactor</c>. Dispose it (or call
/// <see cref="ShutdownAsync"/>) at the end of the test to terminate the system.
/// </summary>
public partial class TestKitBase : IAsyncDisposable
{
    private const string DefaultSystemName = "test";

    // Generous, because it covers every actor's PostStop; dilated like every other wait.
    private static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _shutdownLock = new();
    private readonly bool _ownsSystem;
    private Task? _shutdown;
    private int _probes;

    /// <summary>
    /// Creates a test kit with a new actor system configured by <paramref name="config"/> over the
    /// runtime's reference configuration.
    /// </summary>
    /// <param name="config">The test's configuration, or null for the reference one.</param>
    /// <param name="systemName">The system's name; <c>test</c> when null.</param>
    /// <param name="loggerFactory">Where the system's logs go; nowhere when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="ActorSystem.TimeProvider"/>), e.g. a <see cref="ManualClock"/>; the machine's when null.</param>
    /// <exception cref="HoconException">A setting (of the runtime or of <c>actoripc.testkit</c>) is invalid; the message names its path.</exception>
    public TestKitBase(Config? config = null, string? systemName = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        // Settings first: a bad timefactor must not leave a started system behind.
        TestKitSettings = TestKitSettings.From(config ?? Config.Empty);
        Sys = ActorSystem.Create(systemName ?? DefaultSystemName, config, loggerFactory, timeProvider);
        _ownsSystem = true;
        TestProbe = new TestProbe(Sys, TestKitSettings, "testActor");
    }

    /// <summary>Creates a test kit over an existing actor system, which <see cref="ShutdownAsync"/> terminates.</summary>
    /// <param name="system">The system to test in; its configuration supplies <c>actoripc.testkit</c>.</param>
    /// <exception cref="HoconException">A setting of <c>actoripc.testkit</c> is invalid.</exception>
    public TestKitBase(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        TestKitSettings = TestKitSettings.From(system.Settings.Config);

        // The system may host other kits' probes, so let the runtime choose unique names.
        TestProbe = new TestProbe(Sys, TestKitSettings, null);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The settings of <c>actoripc.testkit</c> the kit runs with.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The default probe, whose reference is <see cref="TestActor"/>; the kit's expectations read its queue.</summary>
    public TestProbe TestProbe { get; }

    /// <summary>The default probe's actor: pass it to the actors under test as the recipient of their replies.</summary>
    public IActorRef TestActor => TestProbe.Ref;

    /// <summary>The sender of the last message the kit's expectations took; the system's dead letters before the first.</summary>
    public IActorRef LastSender => TestProbe.LastSender;

    /// <summary>Creates another probe with its own actor and queue, independent of <see cref="TestProbe"/>.</summary>
    /// <param name="name">The actor's name under <c>/user</c>; a generated one when null.</param>
    /// <returns>The new probe.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    public TestProbe CreateTestProbe(string? name = null)
    {
        var number = Interlocked.Increment(ref _probes);
        return new TestProbe(Sys, TestKitSettings, name ?? (_ownsSystem ? $"testProbe-{number}" : null));
    }

    /// <summary>Multiplies <paramref name="duration"/> by <see cref="TestKitSettings.TimeFactor"/>.</summary>
    /// <param name="duration">A finite, non-negative duration.</param>
    /// <returns>The dilated duration.</returns>
    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilate(duration);

    /// <summary>Creates a top-level actor in <see cref="Sys"/>.</summary>
    /// <param name="props">The actor's recipe.</param>
    /// <param name="name">Its name; a generated one when null.</param>
    /// <returns>The actor's reference.</returns>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Makes <see cref="TestActor"/> watch <paramref name="actor"/> (see <see cref="TestProbe.Watch"/>).</summary>
    /// <param name="actor">The actor to watch.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Watch(IActorRef actor) => TestProbe.Watch(actor);

    /// <summary>Makes <see cref="TestActor"/> stop watching <paramref name="actor"/> (see <see cref="TestProbe.Unwatch"/>).</summary>
    /// <param name="actor">The actor to stop watching.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Unwatch(IActorRef actor) => TestProbe.Unwatch(actor);

    /// <summary>
    /// Terminates <see cref="Sys"/> and waits for it. Calling it again returns the first call's
    /// task, unless that one failed, in which case it waits again.
    /// </summary>
    /// <param name="timeout">How long to wait (dilated); 10 seconds when null.</param>
    /// <exception cref="TestKitAssertionException">The system did not terminate in time.</exception>
    public Task ShutdownAsync(TimeSpan? timeout = null)
    {
        var wait = Dilated(timeout ?? DefaultShutdownTimeout);
        lock (_shutdownLock)
        {
            if (_shutdown is null || _shutdown.IsFaulted)
            {
                _shutdown = ShutdownCoreAsync(wait);
            }

            return _shutdown;
        }
    }

    /// <summary>Shuts the system down (<see cref="ShutdownAsync"/>).</summary>
    /// <returns>A task that completes when the system has terminated.</returns>
    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private async Task ShutdownCoreAsync(TimeSpan timeout)
    {
        try
        {
            await Sys.Terminate().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TestKitAssertionException(
                $"ShutdownAsync: the actor system '{Sys.Name}' did not terminate within {Describe.Ms(timeout)}; an actor may be blocked in a handler or in PostStop.",
                e);
        }
    }
}
