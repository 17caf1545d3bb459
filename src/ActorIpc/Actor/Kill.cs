namespace ActorIpc;

/// <summary>
/// Makes the receiving actor fail with an <see cref="ActorKilledException"/>; its supervisor
/// then decides (the default strategy stops it).
/// </summary>
public sealed class Kill : IPossiblyHarmful, IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The one instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "Kill";
}
