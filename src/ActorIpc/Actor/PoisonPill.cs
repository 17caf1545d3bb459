namespace ActorIpc;

/// <summary>
/// Stops the receiving actor once it reaches this message: messages queued before it are
/// processed, messages after it go to dead letters.
/// </summary>
public sealed class PoisonPill : IPossiblyHarmful, IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The one instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}
