using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorIpc;

/// <summary>
/// The process supervisor of a parent node (<c>/system/actoripc-fleet</c>): starts every replica
/// of the topology, tells which cluster member is which child (by the process id its receptionist's
/// snapshots carry), marks each ready once it has joined and registered its keys, restarts those
/// that end with a backoff until the policy gives up, probes their health and memory, and stops
/// them in order. When a child's process exits it downs its member and tells this node's
/// receptionist the address is lost at once: calls in flight there fail (or are re-sent) and
/// routing stops before the cluster's gossip has noticed anything.
/// </summary>
/// <remarks>Split by concern: the replicas' lives (<c>.Lifecycle</c>), probes and memory (<c>.Health</c>), the fleet's operations (<c>.Operations</c>).</remarks>
internal sealed partial class FleetSupervisor : ReceiveActor, IWithTimers
{
    /// <summary>How long a failed replica's error waits for the rest of its process's output, so that its last lines are in it.</summary>
    private static readonly TimeSpan DrainPatience = TimeSpan.FromMilliseconds(250);

    private readonly Fleet _fleet;
    private readonly FleetSettings _settings;
    private readonly Spawner _spawner;
    private readonly Replica[] _replicas;
    private readonly Cluster _cluster;
    private readonly Receptionist _receptionist;
    private readonly Invoker _invoker;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Launcher _launcher;
    private IActorRef _self = ActorRefs.Nobody;

    public FleetSupervisor(Fleet fleet, FleetSettings settings, Launcher launcher, Spawner spawner)
    {
        _fleet = fleet;
        _settings = settings;
        _launcher = launcher;
        _spawner = spawner;
        _cluster = Cluster.Get(Context.System);
        _receptionist = Receptionist.Get(Context.System);
        _invoker = Invoker.Get(Context.System);
        _replicas = [.. settings.Processes.SelectMany(p => Enumerable.Range(0, p.Replicas).Select(i => (Process: p, Index: i)))
            .Select((r, slot) => new Replica(slot, r.Process, r.Index, fleet.LogOf(r.Process.Name, r.Index)))];

        Receive<StartFleet>(StartAll);
        Receive<RestartProcess>(Restart);
        Receive<StopFleet>(StopAll);
        Receive<NodeSeen>(Seen);
        Receive<Spawned>(OnSpawned);
        Receive<SpawnFailed>(OnSpawnFailed);
        Receive<ProcessGone>(OnGone);
        Receive<ReadyDeadline>(OnReadyDeadline);
        Receive<StopDeadline>(OnStopDeadline);
        Receive<BackoffElapsed>(OnBackoffElapsed);
        Receive<ProbeTick>(OnProbeTick);
        Receive<ProbeTimeout>(OnProbeTimeout);
        Receive<ActorIdentity>(OnProbeAnswer);
        Receive<SampleMemory>(_ => Sample());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Whether children are started under setpriv.</summary>
    private bool KillsWithParent => _launcher.Setpriv is not null;

    protected override void PreStart()
    {
        // The handler runs on the receptionist's thread, where this actor's context is not there
        // to give Self: it uses the reference taken here.
        _self = Self;
        _receptionist.Seen += OnSnapshot;
        Timers.StartPeriodicTimer(nameof(SampleMemory), SampleMemory.Instance, _settings.MemorySampleInterval);
    }

    /// <summary>
    /// A fault in the supervisor itself: what waits on it fails with the fault rather than
    /// waiting forever, and the children are killed (in <see cref="PostStop"/>); the restarted
    /// supervisor starts from a stopped fleet.
    /// </summary>
    protected override void PreRestart(Exception reason, object message)
    {
        var fault = new ActorIpcException($"the fleet's supervisor failed while handling {message?.GetType().Name ?? "a message"}; its children were killed and the fleet is stopped", reason);
        FailWaiters(fault);
        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        _receptionist.Seen -= OnSnapshot;

        // The actor system is ending without the ordered stop (an abort, or the stop's phase timed
        // out): no child may outlive the fleet.
        foreach (var replica in _replicas)
        {
            replica.Child?.Kill();
        }
    }

    /// <summary>Raised on the receptionist's thread for each snapshot it accepts from another node.</summary>
    private void OnSnapshot(Address address, int processId, IReadOnlyCollection<string> keys) =>
        _self.Tell(new NodeSeen(address, processId, keys));

    /// <summary>Makes the status from the replicas and hands it to the extension.</summary>
    private void Publish() =>
        _fleet.Publish(new FleetStatus(DateTimeOffset.UtcNow, [.. _replicas.Select(r => r.ToStatus())], KillsWithParent));

    /// <summary>A note in the replica's log, also written to this node's log at <paramref name="level"/>.</summary>
    private void Note(Replica replica, LogLevel level, string text)
    {
        var line = new ProcessLogLine(replica.Name, replica.Index, replica.Child?.Id ?? replica.LastExit?.ProcessId, DateTimeOffset.UtcNow, LogSource.Supervisor, text);
        _fleet.Record(replica.Log, line);
        switch (level)
        {
            case LogLevel.ErrorLevel:
                _log.Error("{0}", line);
                break;
            case LogLevel.WarningLevel:
                _log.Warning("{0}", line);
                break;
            default:
                _log.Info("{0}", line);
                break;
        }
    }

    private static string Seconds(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? FormattableString.Invariant($"{duration.TotalMilliseconds:0} ms")
            : FormattableString.Invariant($"{duration.TotalSeconds:0.###} s");

    // What the fleet extension asks.
    internal sealed record StartFleet(TaskCompletionSource Done);

    internal sealed record RestartProcess(string Name, TaskCompletionSource Done);

    internal sealed record StopFleet(TaskCompletionSource Done);

    // What the receptionist and the replicas' processes tell.
    private sealed record NodeSeen(Address Address, int ProcessId, IReadOnlyCollection<string> Keys);

    private sealed record Spawned(int Slot, int Incarnation, Process Process);

    private sealed record SpawnFailed(int Slot, int Incarnation, Exception Error);

    private sealed record ProcessGone(int Slot, int Incarnation, int ExitCode);

    // Timers: each names the incarnation it was set for.
    private sealed record ReadyDeadline(int Slot, int Incarnation);

    private sealed record StopDeadline(int Slot, int Incarnation);

    private sealed record BackoffElapsed(int Slot, int Incarnation);

    private sealed record ProbeTick(int Slot, int Incarnation);

    private sealed record ProbeTimeout(int Slot, int Incarnation, long Probe);

    private sealed class SampleMemory
    {
        public static readonly SampleMemory Instance = new();
    }
}
