namespace ActorIpc.Serialization;

/// <summary>An enum value as it arrived: the enum's type is known only from where it is assigned.</summary>
/// <param name="Value">The value, as an Int64 (an unsigned 64-bit enum's bits reinterpreted).</param>
/// <param name="Name">Its text on the sending side.</param>
internal sealed record WireEnum(long Value, string Name);
