using ActorIpc.Hocon;
using Akka.Actor;

namespace ActorIpc.Hosting;

/// <summary>The node's own settings (<c>actoripc.node</c>), read once from its resolved configuration.</summary>
/// <param name="SystemName">The actor system's name, the same in every process of the application.</param>
/// <param name="Seed">The address of the node to join; <see langword="null"/>: this node is the seed.</param>
/// <param name="JoinTimeout">How long starting waits for this node to be Up in the cluster.</param>
public sealed record NodeSettings(string SystemName, Address? Seed, TimeSpan JoinTimeout)
{
    private const string Section = "actoripc.node";

    /// <summary>Reads the settings from a resolved configuration.</summary>
    /// <param name="config">The node's configuration, laid over the defaults.</param>
    /// <param name="seedOverride">An address that wins over <c>actoripc.node.seed</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="HoconException">A setting is missing or invalid; the message names its path and position.</exception>
    public static NodeSettings Create(Config config, string? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var systemName = config.GetString($"{Section}.system-name");
        if (!ActorPath.IsValidPathElement(systemName) || systemName.Contains('.', StringComparison.Ordinal))
        {
            throw config.InvalidValue($"{Section}.system-name", $"'{systemName}' is not a valid actor system name (letters, digits, '-' and '_', not starting with '-')");
        }

        var joinTimeout = config.GetTimeSpan($"{Section}.join-timeout");
        if (joinTimeout <= TimeSpan.Zero)
        {
            throw config.InvalidValue($"{Section}.join-timeout", "must be positive");
        }

        var seed = string.IsNullOrWhiteSpace(seedOverride)
            ? ParseSeed(config, config.GetString($"{Section}.seed"))
            : ParseSeed(config, seedOverride);
        return new NodeSettings(systemName, seed, joinTimeout);
    }

    private static Address? ParseSeed(Config config, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Address.TryParse(text.Trim(), out var address) || address.Host is null || address.Port is null)
        {
            throw config.InvalidValue($"{Section}.seed", $"'{text}' is not a node address such as akka.tcp://actoripc@127.0.0.1:4053");
        }

        return address;
    }
}
