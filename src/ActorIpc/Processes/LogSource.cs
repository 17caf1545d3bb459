namespace ActorIpc;

/// <summary>Where a line of a replica's log comes from.</summary>
public enum LogSource
{
    /// <summary>The child printed it on its standard output.</summary>
    StandardOutput,

    /// <summary>The child printed it on its standard error (an ActorIpc node's own log goes there).</summary>
    StandardError,

    /// <summary>The supervisor's note on the replica: started, ready, exited and why, restarting, failed.</summary>
    Supervisor,
}
