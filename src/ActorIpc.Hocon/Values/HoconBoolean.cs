namespace ActorIpc.Hocon;

/// <summary>The boolean <c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean : HoconValue
{
    internal HoconBoolean(in Position position, bool value)
        : base(position)
    {
        Value = value;
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.Boolean;

    /// <summary>The boolean value.</summary>
    public bool Value { get; }
}
