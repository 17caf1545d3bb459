using ActorIpc.Hocon;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The TCP transport's settings, from <c>actoripc.remote.tcp</c>; the TLS transport uses them for
/// its sockets too. TCP_NODELAY is always on: the writer batches frames itself, so Nagle's delay
/// would only add latency.
/// </summary>
/// <param name="Connection">Socket and buffering settings.</param>
internal sealed record TcpTransportSettings(ConnectionSettings Connection)
{
    /// <summary>The config section read by <see cref="FromConfig"/>.</summary>
    public const string Path = "actoripc.remote.tcp";

    /// <summary>Reads <c>actoripc.remote.tcp</c> from the merged configuration.</summary>
    /// <exception cref="HoconException">A key is missing, of the wrong type or out of range; the message names its path.</exception>
    public static TcpTransportSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TcpTransportSettings(ConnectionSettings.FromConfig(config, Path));
    }
}
