namespace ActorIpc.Hocon;

/// <summary>The <c>null</c> value. A path set to null counts as missing for <see cref="Config.HasPath"/>.</summary>
public sealed class HoconNull : HoconValue
{
    internal HoconNull(in Position position)
        : base(position)
    {
    }

    /// <inheritdoc/>
    public override HoconType Type => HoconType.Null;
}
