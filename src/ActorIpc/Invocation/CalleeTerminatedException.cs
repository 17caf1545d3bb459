using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// A callee, or its process, went away while a call to it was in flight: the call fails at once,
/// not at its timeout. Whether the callee did the work before it went away is not known.
/// </summary>
public sealed class CalleeTerminatedException : InvocationException
{
    internal CalleeTerminatedException(ServiceKey key, Type messageType, TimeSpan waited, IActorRef callee, int? calleeProcessId, string reason, string? call = null)
        : base(
            $"the callee {Describe(callee, calleeProcessId)} of '{key.Name}' went away while a {CallOf(messageType, call)} was in flight (after {Format(waited)}): {reason}",
            key, messageType, waited, callee, calleeProcessId)
    {
        Reason = reason;
    }

    /// <summary>What was seen: the callee stopped, or its process left the cluster or lost its connection.</summary>
    public string Reason { get; }
}
