using System.Globalization;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// A call by key that did not get its reply: the base of the invoker's errors. Each names the
/// key, the message type, the time the call waited and, once a callee was picked, the callee and
/// its process. A callee's own exception is never wrapped: the call throws it as it arrived.
/// </summary>
public abstract class InvocationException : ActorIpcException
{
    private protected InvocationException(string message, ServiceKey key, Type messageType, TimeSpan waited, IActorRef? callee, int? calleeProcessId, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
        MessageType = messageType;
        Waited = waited;
        Callee = callee;
        CalleeProcessId = calleeProcessId;
    }

    /// <summary>The key called.</summary>
    public ServiceKey Key { get; }

    /// <summary>The type of the message sent; for a call through a published object's proxy, the proxy's interface.</summary>
    public Type MessageType { get; }

    /// <summary>How long the call waited, from its start to this error.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The callee the call went to; <see langword="null"/> when there was none.</summary>
    public IActorRef? Callee { get; }

    /// <summary>The operating-system process id of the callee's node, when known.</summary>
    public int? CalleeProcessId { get; }

    /// <summary>The call as a message names it after "a": <c>Echo call</c>, or what the message says of itself (<see cref="IDescribedCall"/>).</summary>
    private protected static string CallOf(Type messageType, string? call) => call ?? $"{messageType.Name} call";

    /// <summary>A duration as an error message shows it: <c>850 ms</c>, <c>5 s</c>, <c>2.5 s</c>.</summary>
    private protected static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.#} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");

    /// <summary>The callee with its process: <c>akka.tcp://app@127.0.0.1:4711/user/calc (process 1234)</c>.</summary>
    private protected static string Describe(IActorRef callee, int? processId) =>
        processId is { } pid ? $"{callee.Path} (process {pid})" : callee.Path.ToString();
}
