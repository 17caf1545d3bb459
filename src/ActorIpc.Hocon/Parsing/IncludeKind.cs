namespace ActorIpc.Hocon.Parsing;

/// <summary>How an include names its target.</summary>
internal enum IncludeKind
{
    /// <summary>A bare quoted string: a URL if it looks like one, else a name adjacent to the including document.</summary>
    Heuristic,

    /// <summary><c>file("...")</c>.</summary>
    File,

    /// <summary><c>url("...")</c>; only <c>file:</c> URLs are supported.</summary>
    Url,

    /// <summary><c>classpath("...")</c>: an embedded resource of <see cref="ConfigParseOptions.ResourceAssembly"/>.</summary>
    Classpath,
}
