using Akka.Actor;

namespace ActorIpc;

/// <summary>A callee did not answer a call within its timeout.</summary>
public sealed class InvokeTimeoutException : InvocationException
{
    internal InvokeTimeoutException(ServiceKey key, Type messageType, TimeSpan waited, IActorRef callee, int? calleeProcessId, bool calleeWasAlive, string? call = null)
        : base(
            $"the callee {Describe(callee, calleeProcessId)} of '{key.Name}' did not answer a {CallOf(messageType, call)} within {Format(waited)}; "
            + (calleeWasAlive ? "it is still alive (busy, or it never replies to this message)" : "it is no longer alive"),
            key, messageType, waited, callee, calleeProcessId)
    {
        CalleeWasAlive = calleeWasAlive;
    }

    /// <summary>Whether the callee was still registered and its process reachable when the call gave up.</summary>
    public bool CalleeWasAlive { get; }
}
