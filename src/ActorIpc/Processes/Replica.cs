using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// One replica of a process, as its supervisor keeps it: owned by the <see cref="FleetSupervisor"/>
/// actor and touched on its thread only. Each start is a new incarnation: messages about an older
/// one (a timer, an exit) are recognised by their incarnation and ignored.
/// </summary>
internal sealed class Replica(int slot, ProcessSettings settings, int index, LogRing log)
{
    public int Slot { get; } = slot;

    public ProcessSettings Settings { get; } = settings;

    public ChildIdentity Identity { get; } = new(settings.Name, index, settings.Roles);

    public LogRing Log { get; } = log;

    public RestartWindow Window { get; } = new(settings.Restart.Within);

    public ReplicaState State { get; set; } = ReplicaState.Stopped;

    public int Incarnation { get; set; }

    /// <summary>Its process, from when it has started until it has ended.</summary>
    public ChildProcess? Child { get; set; }

    /// <summary>Whether a start was asked of the spawner and has not completed yet.</summary>
    public bool Spawning { get; set; }

    /// <summary>Completes when the output of its last process that ended has been read (or could wait no longer).</summary>
    public Task Drained { get; set; } = Task.CompletedTask;

    /// <summary>Its node's address, once a snapshot of its receptionist has arrived.</summary>
    public Address? Address { get; set; }

    /// <summary>What to do when its process ends.</summary>
    public AfterExit After { get; set; }

    /// <summary>
    /// Why its current process is ending, when the supervisor ended it (the cause its
    /// <see cref="ProcessExit"/> records); <see langword="null"/>: it exits by itself.
    /// </summary>
    public string? Cause { get; set; }

    /// <summary>Whether its process is to be killed (not asked to stop) as soon as it has started.</summary>
    public bool KillOnStart { get; set; }

    public string? Detail { get; set; }

    public int Restarts { get; set; }

    public long? ResidentBytes { get; set; }

    public ProcessExit? LastExit { get; set; }

    /// <summary>Calls from this process it answered per second, at the last sample.</summary>
    public double? CallsPerSecond { get; set; }

    /// <summary>The count of calls answered at the last sample, and when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public (long Answered, long At)? LastCount { get; set; }

    public long? PendingProbe { get; set; }

    public int ProbeFailures { get; set; }

    public string Name => Settings.Name;

    public int Index => Identity.Replica;

    /// <summary>Whether it has a process that runs, or is being started.</summary>
    public bool HasProcess => Spawning || Child is not null;

    /// <summary>How the log names it: <c>images#0</c>, with its process when it has one: <c>images#0 (process 1234)</c>.</summary>
    public override string ToString() => Child is { } child ? $"{Identity} (process {child.Id})" : Identity.ToString();

    public ReplicaStatus ToStatus() => new(
        Name,
        Index,
        State,
        Child?.Id,
        Address,
        Child?.StartedAt,
        Restarts,
        ResidentBytes,
        LastExit,
        CallsPerSecond,
        Detail);
}
