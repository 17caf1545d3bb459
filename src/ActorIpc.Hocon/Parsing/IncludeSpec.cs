namespace ActorIpc.Hocon.Parsing;

/// <summary>The argument of an include statement.</summary>
internal readonly record struct IncludeSpec(IncludeKind Kind, string Name, bool Required)
{
    public override string ToString()
    {
        string quoted = Rendering.JsonRenderer.Quote(Name);
        string inner = Kind switch
        {
            IncludeKind.File => $"file({quoted})",
            IncludeKind.Url => $"url({quoted})",
            IncludeKind.Classpath => $"classpath({quoted})",
            _ => quoted,
        };
        return Required ? $"required({inner})" : inner;
    }
}
