using System.Collections.Frozen;
using ActorIpc.Configuration;
using ActorIpc.Hosting;
using ActorIpc.Hocon;
using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Config = ActorIpc.Hocon.Config;

namespace ActorIpc;

/// <summary>
/// The process supervisor of a parent node: an Akka extension, <c>Fleet.Get(system)</c>, that
/// runs the topology of <c>actoripc.processes</c>. <see cref="StartAsync"/> starts every replica
/// of every process (each a child process that becomes a node of this cluster, with this node as
/// its seed) and completes when all are ready; the supervisor then keeps them alive: it restarts
/// a replica that exits, with a backoff, until its policy gives up; re-routes calls at once when a
/// replica's process exits; restarts one over its memory limit or that stops answering probes;
/// and stops them in order (<see cref="StopAsync"/>, and when this node shuts down). No child
/// outlives this process. <see cref="Status"/>, <see cref="WatchStatusAsync"/>,
/// <see cref="LastLines"/> and <see cref="FollowLogsAsync"/> show what happens.
/// </summary>
public sealed class Fleet : IExtension
{
    internal const string ActorName = "actoripc-fleet";

    /// <summary>The coordinated-shutdown phase the fleet stops in (configured in ActorIpc's reference.conf).</summary>
    internal const string StopPhase = "actoripc-fleet-stop";

    /// <summary>How many lines a log follower may be behind before it loses the oldest.</summary>
    private const int FollowerBacklog = 10_000;

    private readonly Config _config;
    private readonly FleetSettings _settings;
    private readonly FrozenDictionary<(string Name, int Replica), LogRing> _logs;
    private readonly Followers<ProcessLogLine> _lines = new(FollowerBacklog);
    private readonly Followers<FleetStatus> _statuses = new(1);
    private readonly ILoggingAdapter _log;
    private readonly IActorRef _supervisor;
    private FleetStatus _status;

    /// <summary>The cluster's secret, handed to every child (<c>ACTORIPC_SECRET</c>); empty: none.</summary>
    internal string Secret { get; }

    internal Fleet(ExtendedActorSystem system)
    {
        _config = ActorIpcConfigSetup.Of(system);
        _settings = FleetSettings.Create(_config);
        Secret = ClusterSecret.Read(_config);
        _logs = _settings.Processes
            .SelectMany(p => Enumerable.Range(0, p.Replicas).Select(i => (p.Name, i)))
            .ToFrozenDictionary(r => r, _ => new LogRing(_settings.LogLines));
        _log = Logging.GetLogger(system, typeof(Fleet));
        var launcher = Launcher.Find(_settings.KillWithParent);
        if (launcher.Note is { } note && _settings.Processes.Count > 0)
        {
            _log.Warning("children are not started under setpriv --pdeathsig ({0}): if this process is killed, only ActorIpc children end with it, when their standard input closes", note);
        }

        _status = new FleetStatus(
            DateTimeOffset.UtcNow,
            [.. _logs.Keys.OrderBy(k => ProcessIndex(k.Name)).ThenBy(k => k.Replica).Select(k => new ReplicaStatus(k.Name, k.Replica, ReplicaState.Stopped, null, null, null, 0, null, null, null, null))],
            launcher.Setpriv is not null);
        var spawner = new Spawner();
        _supervisor = system.SystemActorOf(Props.Create(() => new FleetSupervisor(this, _settings, launcher, spawner)), ActorName);

        // The spawner's thread ends with the system, after the supervisor has stopped (and killed
        // whatever child the ordered stop left): children started under setpriv die with it.
        system.RegisterOnTermination(spawner.Dispose);
        AddStopTask(CoordinatedShutdown.Get(system));
    }

    /// <summary>The fleet of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system: the parent node.</param>
    /// <returns>The extension, created on first use (it starts nothing until <see cref="StartAsync"/>).</returns>
    /// <exception cref="HoconException">The topology is invalid; the message names the setting and its position.</exception>
    public static Fleet Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<Fleet, FleetProvider>();
    }

    /// <summary>Every replica now: its state, process, address, restarts, memory and last exit.</summary>
    public FleetStatus Status => Volatile.Read(ref _status);

    /// <summary>The names of the processes of the topology, in the order they are declared.</summary>
    public IReadOnlyList<string> ProcessNames => [.. _settings.Processes.Select(p => p.Name)];

    /// <summary>
    /// Starts every replica of every process that is not running (a failed one gets its whole
    /// restart policy again), and completes when all replicas are ready: each has joined the
    /// cluster and registered callees of its process's <c>keys</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the replicas go on starting.</param>
    /// <returns>A task that completes when every replica is ready.</returns>
    /// <exception cref="HoconException">A program or working directory of the topology does not exist; the message names the setting and its position.</exception>
    /// <exception cref="ReplicaFailedException">A replica needed more restarts within its window than its policy allows (its error names its last process, how it ended and what it printed last).</exception>
    /// <exception cref="InvalidOperationException">The fleet is stopping, or was stopped before every replica was ready.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _settings.CheckFiles(_config);
        return AskAsync(done => new FleetSupervisor.StartFleet(done), cancellationToken);
    }

    /// <summary>
    /// Restarts the replicas of <paramref name="name"/> one at a time: each is asked to stop
    /// (killed after its <c>stop-timeout</c>), started again, and ready before the next one stops,
    /// so that the others serve meanwhile. Not counted against the restart policy.
    /// </summary>
    /// <param name="name">The process's name in the topology.</param>
    /// <param name="cancellationToken">Stops waiting; the restart goes on.</param>
    /// <returns>A task that completes when the last replica is ready again.</returns>
    /// <exception cref="ArgumentException">The topology has no process <paramref name="name"/>.</exception>
    /// <exception cref="ReplicaFailedException">A replica gave up before it was ready again.</exception>
    /// <exception cref="InvalidOperationException">The fleet is stopping, or was stopped meanwhile.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireProcess(name);
        return AskAsync(done => new FleetSupervisor.RestartProcess(name, done), cancellationToken);
    }

    /// <summary>
    /// Stops the fleet in order: the processes one after the other, the last declared first; the
    /// replicas of a process together, each asked to stop (its standard input closes) and killed
    /// if it has not ended within its <c>stop-timeout</c>. Nothing is restarted meanwhile. This
    /// node's coordinated shutdown does the same (phase <c>actoripc-fleet-stop</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the stop goes on.</param>
    /// <returns>A task that completes when every replica has stopped.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        AskAsync(done => new FleetSupervisor.StopFleet(done), cancellationToken);

    /// <summary>
    /// The last lines of a replica's log, oldest first: what its processes printed on standard
    /// output and error, and the supervisor's notes (started, ready, exited and why), across its
    /// restarts; at most <c>actoripc.fleet.log-lines</c>.
    /// </summary>
    /// <param name="name">The process's name.</param>
    /// <param name="replica">The replica's index.</param>
    /// <param name="count">How many at most; all that are kept when not given.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="ArgumentException">The topology has no such replica.</exception>
    public IReadOnlyList<ProcessLogLine> LastLines(string name, int replica, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var log = _logs.TryGetValue((name, replica), out var found)
            ? found
            : throw new ArgumentException($"the topology has no replica {name}#{replica}", nameof(name));
        return log.Last(Math.Max(0, count ?? log.Capacity));
    }

    /// <summary>
    /// The lines of the replicas' logs as they come (for <c>logs -f</c>): first the last
    /// <paramref name="last"/> lines kept of each replica of <paramref name="name"/>, in the order
    /// they came, then every new one, until <paramref name="cancellationToken"/> is cancelled. A
    /// reader more than 10,000 lines behind loses the oldest.
    /// </summary>
    /// <param name="name">The process whose replicas' lines to follow; <see langword="null"/>: every process's.</param>
    /// <param name="last">How many of each replica's kept lines come first.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="ArgumentException">The topology has no process <paramref name="name"/>.</exception>
    public IAsyncEnumerable<ProcessLogLine> FollowLogsAsync(string? name = null, int last = 0, CancellationToken cancellationToken = default)
    {
        if (name is not null)
        {
            RequireProcess(name);
        }

        bool Wanted(ProcessLogLine line) => name is null || string.Equals(line.Name, name, StringComparison.Ordinal);
        IEnumerable<ProcessLogLine> Kept() => last <= 0
            ? []
            : _logs.Where(pair => name is null || pair.Key.Name == name).SelectMany(pair => pair.Value.Last(last)).OrderBy(line => line.At);
        return _lines.FollowAsync(Wanted, Kept, cancellationToken);
    }

    /// <summary>
    /// The fleet's status now, then each time it changes (a replica's state, process or address,
    /// and each memory sample), until <paramref name="cancellationToken"/> is cancelled. A slow
    /// reader gets the latest status, not every one.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The statuses.</returns>
    public IAsyncEnumerable<FleetStatus> WatchStatusAsync(CancellationToken cancellationToken = default) =>
        _statuses.FollowAsync(null, () => [Status], cancellationToken);

    /// <summary>The fleet's name as <c>actoripc.fleet.name</c> sets it, for its control socket; <see langword="null"/> when not set.</summary>
    internal string? ConfiguredName => _settings.Name;

    /// <summary>Why <paramref name="name"/> is not a process of the topology, or <see langword="null"/> when it is one.</summary>
    internal string? UnknownProcess(string name) => _settings.Processes.Any(p => p.Name == name)
        ? null
        : $"the topology (actoripc.processes) has no process '{name}'; it has: {string.Join(", ", ProcessNames)}";

    /// <summary>The log of a replica, for the supervisor.</summary>
    internal LogRing LogOf(string name, int replica) => _logs[(name, replica)];

    /// <summary>A line a child printed: kept, handed to the followers, and written to this node's log.</summary>
    internal void Output(LogRing log, ProcessLogLine line)
    {
        Record(log, line);
        if (_settings.LogOutput)
        {
            _log.Info("{0}", line);
        }
    }

    /// <summary>A line of a replica's log: kept and handed to the followers.</summary>
    internal void Record(LogRing log, ProcessLogLine line)
    {
        log.Add(line);
        _lines.Publish(line);
    }

    /// <summary>The supervisor's new status.</summary>
    internal void Publish(FleetStatus status)
    {
        Volatile.Write(ref _status, status);
        _statuses.Publish(status);
    }

    private void AddStopTask(CoordinatedShutdown shutdown)
    {
        Func<Task<Done>> stop = async () =>
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            return Done.Instance;
        };
        try
        {
            shutdown.AddTask(StopPhase, "stop-fleet", stop);
        }
        catch (ConfigurationException)
        {
            // A system not configured by ActorIpc lacks the phase: stop with the services.
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "actoripc-stop-fleet", stop);
        }
    }

    private int ProcessIndex(string name) => _settings.Processes.ToList().FindIndex(p => p.Name == name);

    private void RequireProcess(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (UnknownProcess(name) is { } why)
        {
            throw new ArgumentException(why, nameof(name));
        }
    }

    private async Task AskAsync(Func<TaskCompletionSource, object> message, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _supervisor.Tell(message(done));
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
