namespace ActorIpc;

/// <summary>A call found no callee under its key within its timeout: none was registered in any process of the cluster, or none was alive.</summary>
public sealed class NoCalleeException : InvocationException
{
    internal NoCalleeException(ServiceKey key, Type messageType, TimeSpan waited, string? call = null)
        : base(
            $"no callee is registered under '{key.Name}' ({key.ProtocolType.FullName}) in any process of the cluster: a {CallOf(messageType, call)} waited {Format(waited)} for one",
            key, messageType, waited, callee: null, calleeProcessId: null)
    {
    }
}
