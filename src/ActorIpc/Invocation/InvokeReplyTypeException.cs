using Akka.Actor;

namespace ActorIpc;

/// <summary>A callee answered with a reply of another type than the caller expected.</summary>
public sealed class InvokeReplyTypeException : InvocationException
{
    internal InvokeReplyTypeException(ServiceKey key, Type messageType, TimeSpan waited, IActorRef callee, int? calleeProcessId, Type expectedType, Type replyType, string? call = null)
        : base(
            $"the callee {Describe(callee, calleeProcessId)} of '{key.Name}' answered a {CallOf(messageType, call)} with a {replyType.FullName} after {Format(waited)}; the caller expected a {expectedType.FullName}",
            key, messageType, waited, callee, calleeProcessId)
    {
        ExpectedType = expectedType;
        ReplyType = replyType;
    }

    /// <summary>The type the caller asked for.</summary>
    public Type ExpectedType { get; }

    /// <summary>The type of the reply that arrived.</summary>
    public Type ReplyType { get; }
}
