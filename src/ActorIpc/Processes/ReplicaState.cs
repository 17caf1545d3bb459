namespace ActorIpc;

/// <summary>Where a replica of a fleet's process is in its life.</summary>
public enum ReplicaState
{
    /// <summary>Not running: the fleet has not started it, or stopped it.</summary>
    Stopped,

    /// <summary>Its process runs (or is being started) and has not yet joined and registered its keys.</summary>
    Starting,

    /// <summary>Its node has joined the cluster and registered callees of its keys.</summary>
    Ready,

    /// <summary>Its process ended; it starts again when its backoff has passed.</summary>
    BackingOff,

    /// <summary>Asked to stop (its standard input closed); killed if it has not ended within its stop timeout.</summary>
    Stopping,

    /// <summary>It needed more restarts within its window than its policy allows: it is left stopped until the fleet starts again.</summary>
    Failed,
}
