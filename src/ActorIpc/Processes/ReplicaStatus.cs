using Akka.Actor;

namespace ActorIpc;

/// <summary>One replica of a fleet's process, as the supervisor saw it when it made a <see cref="FleetStatus"/>.</summary>
/// <param name="Name">The process's name in the topology.</param>
/// <param name="Replica">The replica's index, from 0.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="ProcessId">Its running (or stopping) process; <see langword="null"/> when none runs.</param>
/// <param name="Address">Its node's cluster address, once its node has been seen; <see langword="null"/> before, and when none runs.</param>
/// <param name="StartedAt">When its running process was started.</param>
/// <param name="Restarts">How many times it was started again, for whatever reason, since the fleet started it.</param>
/// <param name="ResidentBytes">Its process's resident memory at the last sample; <see langword="null"/> before the first, and when none runs.</param>
/// <param name="LastExit">How its last process ended; <see langword="null"/> while none has.</param>
/// <param name="CallsPerSecond">
/// The calls by key from this process (the parent) that it answered per second, over the last
/// memory sample interval; <see langword="null"/> before its node was seen. Calls that other
/// processes make to it are not counted.
/// </param>
/// <param name="Detail">
/// Why it is in its state, when there is more to say: the keys a starting replica still misses,
/// when a backing-off one starts again, why one stops or failed.
/// </param>
public sealed record ReplicaStatus(
    string Name,
    int Replica,
    ReplicaState State,
    int? ProcessId,
    Address? Address,
    DateTimeOffset? StartedAt,
    int Restarts,
    long? ResidentBytes,
    ProcessExit? LastExit,
    double? CallsPerSecond,
    string? Detail)
{
    /// <summary>How long its running process has been running, as of now.</summary>
    public TimeSpan? Uptime => StartedAt is { } started ? DateTimeOffset.UtcNow - started : null;

    /// <summary>The replica as the log names it: <c>images#0</c>.</summary>
    public string Label => $"{Name}#{Replica}";
}
