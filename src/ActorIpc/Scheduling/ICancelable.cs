namespace ActorIpc;

/// <summary>A scheduled task or timer that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> has been called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>
    /// Cancels the task. Returns true when this call prevented a run that had not started
    /// yet; false when it was already cancelled or (for a one-shot task) already ran.
    /// </summary>
    bool Cancel();
}
