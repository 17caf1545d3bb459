using ActorIpc.Hocon;

namespace ActorIpc.Configuration;

/// <summary>
/// Loads a node's configuration: the user's HOCON laid over ActorIpc's reference configuration,
/// laid over the reference configurations of the Akka.NET modules a node runs, resolved once by
/// ActorIpc.Hocon (includes relative to the file, <c>${substitutions}</c> over the merged whole,
/// environment variables, <c>+=</c>). Hand the result to Akka with
/// <see cref="AkkaConfigExtensions.ToAkkaConfig"/>.
/// </summary>
public static class ActorIpcConfig
{
    /// <summary>Parse options for a layer of a node's configuration: resolved only once laid over the defaults.</summary>
    internal static ConfigParseOptions Unresolved { get; } = new() { Resolve = false };

    /// <summary>ActorIpc's reference configuration (<c>hocon/reference.conf</c>, embedded), unresolved.</summary>
    public static Config Reference { get; } = ConfigFactory.ParseResource(
        typeof(ActorIpcConfig).Assembly, "ActorIpc.reference.conf", Unresolved with { OriginName = "reference.conf" });

    /// <summary>
    /// Every default a node runs with, unresolved: <see cref="Reference"/> over the reference
    /// configurations of Akka, Akka.Remote, Akka.Cluster, Akka.Cluster.Tools and
    /// Akka.Serialization.Hyperion, as ActorIpc.Hocon reads them.
    /// </summary>
    public static Config Defaults { get; } = Reference.WithFallback(AkkaReference.Modules);

    /// <summary>Reads the HOCON file at <paramref name="path"/> and lays it over <see cref="Defaults"/>.</summary>
    /// <param name="path">The file; its includes resolve relative to it.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="HoconException">The file is not valid HOCON, or a substitution does not resolve; the message gives file, line, column and path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Config Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return WithDefaults(ConfigFactory.ParseFile(path, Unresolved));
    }

    /// <summary>Parses HOCON <paramref name="text"/> and lays it over <see cref="Defaults"/>.</summary>
    /// <param name="text">The document.</param>
    /// <param name="originName">The name errors give the document; "string" when not set.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON, or a substitution does not resolve.</exception>
    public static Config Parse(string text, string? originName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithDefaults(ConfigFactory.ParseString(text, Unresolved with { OriginName = originName }));
    }

    /// <summary>
    /// Lays <paramref name="config"/> over <see cref="Defaults"/> and resolves the whole, so that
    /// its substitutions see the defaults and the defaults' substitutions see its values.
    /// </summary>
    /// <param name="config">The user's configuration, best unresolved.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="HoconException">A substitution does not resolve.</exception>
    public static Config WithDefaults(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithFallback(Defaults).Resolve();
    }
}
