namespace ActorIpc.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved against the root of the merged config.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(in Position position, string[] path, bool optional, string[] includePrefix)
        : base(position)
    {
        Path = path;
        IsOptional = optional;
        IncludePrefix = includePrefix;
    }

    public override HoconType Type => HoconType.Unresolved;

    internal override bool IsUnresolvedNode => true;

    /// <summary>The path as written (absolute for the document it appears in).</summary>
    public string[] Path { get; }

    public bool IsOptional { get; }

    /// <summary>
    /// Where the including file put the included one. The spec's "fixup": the path is looked up
    /// under this prefix first, then as written.
    /// </summary>
    public string[] IncludePrefix { get; }

    public string Text => (IsOptional ? "${?" : "${") + Parsing.PathExpression.Render(Path) + "}";
}
