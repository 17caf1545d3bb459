namespace ActorIpc.Hocon.Parsing;

/// <summary>The format a document is read in, chosen by its file extension as the spec says.</summary>
internal enum DocumentSyntax
{
    /// <summary>HOCON: any name that does not end in <c>.json</c> or <c>.properties</c>.</summary>
    Hocon,

    /// <summary>Strict JSON (<c>.json</c>): no comments, includes, substitutions, unquoted text or concatenation.</summary>
    Json,

    /// <summary>A Java properties file (<c>.properties</c>): dotted keys are paths, every value is a string.</summary>
    Properties,
}
