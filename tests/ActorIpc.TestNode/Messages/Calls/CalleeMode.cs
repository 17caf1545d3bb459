namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>What a keyed callee does with a <see cref="Call"/>.</summary>
public enum CalleeMode
{
    /// <summary>Replies with an <see cref="Messages.Calls.Answer"/> at once.</summary>
    Answer,

    /// <summary>Never replies; tells its observer it holds the call (<see cref="Holding"/>).</summary>
    Hold,
}
