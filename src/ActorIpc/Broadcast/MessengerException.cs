namespace ActorIpc;

/// <summary>
/// A <see cref="Messenger"/> operation did not complete: this node's messenger did not answer in
/// time (the actor system is shutting down, say), or other nodes did not say in time how many
/// subscribers they have. The message names the operation, the topic, the role and the nodes
/// concerned.
/// </summary>
public sealed class MessengerException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the topic and the nodes concerned.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MessengerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
