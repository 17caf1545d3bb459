using System.Reflection;

namespace ActorIpc.Hocon;

/// <summary>How <see cref="ConfigFactory"/> parses a document.</summary>
public sealed record ConfigParseOptions
{
    /// <summary>The name used for the document in messages when parsing a string; "string" if not set.</summary>
    public string? OriginName { get; init; }

    /// <summary>
    /// Whether to resolve substitutions right after parsing (the default). Set to <see langword="false"/>
    /// to layer documents with <see cref="Config.WithFallback"/> first and call <see cref="Config.Resolve()"/> last,
    /// so substitutions see the merged result.
    /// </summary>
    public bool Resolve { get; init; } = true;

    /// <summary>Whether a substitution not found in the config falls back to the environment variable of that name.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>The assembly whose embedded resources <c>include classpath("...")</c> reads.</summary>
    public Assembly? ResourceAssembly { get; init; }

    /// <summary>The default options: resolve, use environment variables, no resource assembly.</summary>
    public static ConfigParseOptions Default { get; } = new();
}
