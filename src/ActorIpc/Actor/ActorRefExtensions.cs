namespace ActorIpc;

/// <summary>Sending with the current actor as the implicit sender.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with the current actor as sender when called from inside
    /// an actor, and with no sender otherwise.
    /// </summary>
    public static void Tell(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>
    /// Sends <paramref name="message"/> keeping the current message's original sender, so the
    /// recipient replies straight to it. Outside an actor it sends with no sender.
    /// </summary>
    public static void Forward(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, ActorCell.Current?.CurrentEnvelope.Sender);
    }
}
