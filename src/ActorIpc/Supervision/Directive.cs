namespace ActorIpc;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and let it take its next message.</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one (its mailbox and reference stay).</summary>
    Restart,

    /// <summary>Stop the child for good.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the child's exception, for its own supervisor to decide.</summary>
    Escalate,
}
