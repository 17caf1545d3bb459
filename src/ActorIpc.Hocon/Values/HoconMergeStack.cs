namespace ActorIpc.Hocon;

/// <summary>
/// Values defined for the same field that could not be merged while parsing because one of them is
/// unresolved. Layer 0 is the newest; each layer falls back on the ones after it. A self-reference
/// inside layer i sees the merge of the layers after i ("looking back" in the spec).
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    public HoconMergeStack(in Position position, List<HoconValue> layers)
        : base(position)
    {
        Layers = layers;
    }

    public override HoconType Type => HoconType.Unresolved;

    internal override bool IsUnresolvedNode => true;

    public List<HoconValue> Layers { get; }
}
