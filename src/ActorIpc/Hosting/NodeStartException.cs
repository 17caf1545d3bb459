namespace ActorIpc.Hosting;

/// <summary>A process could not become a node of the cluster: it did not join within its time, or its start was cancelled.</summary>
public sealed class NodeStartException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the node's address and the seed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NodeStartException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
