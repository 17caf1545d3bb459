namespace ActorIpc.Hocon.Resolution;

/// <summary>
/// One field being resolved. "Shallow" is the field's own value with its substitutions,
/// concatenation and merge stack settled (an object may still hold unresolved fields); "full"
/// is that value with everything inside resolved. A <see langword="null"/> value means the field
/// is undefined (an optional substitution found nothing) and disappears.
/// </summary>
internal sealed class ResolveSlot
{
    private string? _path;

    public ResolveSlot(HoconValue source, ResolveFrame frame, string key)
    {
        Source = source;
        Frame = frame;
        Key = key;
    }

    public HoconValue Source { get; }

    public ResolveFrame Frame { get; }

    public string Key { get; }

    public string Path => _path ??= Parsing.PathExpression.Join(Frame.Path, Key);

    public SlotState ShallowState { get; set; }

    public HoconValue? ShallowValue { get; set; }

    public SlotState FullState { get; set; }

    public HoconValue? FullValue { get; set; }

    /// <summary>The merge stack being resolved, when the field's value is one.</summary>
    public HoconMergeStack? Stack { get; set; }

    /// <summary>The stack layer being resolved; a self-reference from it sees the layers below.</summary>
    public int Layer { get; set; }

    /// <summary>Memoized merge of the layers from index i down, with a flag telling it was computed.</summary>
    public (bool Done, HoconValue? Value)[]? Below { get; set; }
}
