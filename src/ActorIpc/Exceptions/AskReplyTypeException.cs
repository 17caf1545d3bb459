namespace ActorIpc;

/// <summary>An <c>Ask&lt;T&gt;</c> got a reply that is not a <c>T</c>; the message names both types.</summary>
public sealed class AskReplyTypeException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    public AskReplyTypeException(ActorPath target, Type expected, object reply)
        : base($"Ask to {target} expected a reply of type {expected.FullName}, but got one of type {reply.GetType().FullName}: {reply}")
    {
        Target = target;
        ExpectedType = expected;
        Reply = reply;
    }

    /// <summary>The actor that was asked.</summary>
    public ActorPath Target { get; }

    /// <summary>The type the caller asked for.</summary>
    public Type ExpectedType { get; }

    /// <summary>The reply that came.</summary>
    public object Reply { get; }
}
