namespace ActorIpc;

/// <summary>Sent to an actor that received no message for the time set with <c>Context.SetReceiveTimeout</c>.</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The one instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}
