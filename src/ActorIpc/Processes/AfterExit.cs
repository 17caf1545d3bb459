namespace ActorIpc;

/// <summary>What the supervisor does when a replica's process has ended.</summary>
internal enum AfterExit
{
    /// <summary>It failed (exited by itself, or was killed for its memory, health or readiness): a counted restart after a backoff, or failure.</summary>
    Restart,

    /// <summary>A restart was asked for: start it again at once, uncounted.</summary>
    RestartNow,

    /// <summary>It was asked to stop: it stays stopped.</summary>
    Stay,
}
