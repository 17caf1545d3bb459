namespace ActorIpc.Hocon;

/// <summary>A value concatenation that holds at least one substitution, so it can only be joined once resolved.</summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(in Position position, List<HoconValue> pieces)
        : base(position)
    {
        Pieces = pieces;
    }

    public override HoconType Type => HoconType.Unresolved;

    internal override bool IsUnresolvedNode => true;

    public List<HoconValue> Pieces { get; }
}
