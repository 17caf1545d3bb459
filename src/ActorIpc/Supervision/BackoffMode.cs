namespace ActorIpc;

/// <summary>When a backoff supervisor starts its child again.</summary>
public enum BackoffMode
{
    /// <summary>Whenever the child stops, for whatever reason.</summary>
    OnStop,

    /// <summary>When the child fails (it is stopped, then started again after the backoff); a child that stops normally stops the supervisor too.</summary>
    OnFailure,
}
