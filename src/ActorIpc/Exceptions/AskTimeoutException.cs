using System.Globalization;

namespace ActorIpc;

/// <summary>
/// An <c>Ask</c> got no reply in time. The message names the target, the message type, the time
/// waited and whether the target was still alive, so the log line alone says where to look.
/// </summary>
public sealed class AskTimeoutException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(ActorPath target, Type messageType, TimeSpan elapsed, bool? targetAlive)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Ask timed out after {elapsed.TotalMilliseconds:0} ms: no reply from {target} to a message of type {messageType.FullName} ({Describe(targetAlive)})"))
    {
        Target = target;
        MessageType = messageType;
        Elapsed = elapsed;
        TargetAlive = targetAlive;
    }

    /// <summary>The actor that was asked.</summary>
    public ActorPath Target { get; }

    /// <summary>The type of the message that got no reply.</summary>
    public Type MessageType { get; }

    /// <summary>How long the caller waited.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether the target was alive when the time ran out; null when that cannot be known (another process).</summary>
    public bool? TargetAlive { get; }

    private static string Describe(bool? alive) => alive switch
    {
        true => "the target is alive",
        false => "the target has stopped",
        null => "whether the target is alive is not known",
    };
}
