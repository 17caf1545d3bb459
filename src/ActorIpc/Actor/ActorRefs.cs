namespace ActorIpc;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>"No sender": replies to a message sent with it go to dead letters.</summary>
    public static IActorRef? NoSender => null;

    /// <summary>
    /// A reference to no actor: messages to it are dropped into the dead letters of no system;
    /// useful as a placeholder that is never null.
    /// </summary>
    public static IActorRef Nobody { get; } = new NobodyRef();
}
