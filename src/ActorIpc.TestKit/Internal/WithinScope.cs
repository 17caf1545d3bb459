namespace ActorIpc.TestKit;

/// <summary>The time budget of one <c>WithinAsync</c> block, visible to the expectations inside it.</summary>
internal sealed class WithinScope(Deadline deadline)
{
    public Deadline Deadline { get; } = deadline;

    /// <summary>
    /// True when the last expectation was an <c>ExpectNoMsgAsync</c> that waited up to the deadline
    /// on purpose; the block then ends a hair after the maximum, which is not a failure.
    /// </summary>
    public bool QuietUntilDeadline { get; set; }
}
