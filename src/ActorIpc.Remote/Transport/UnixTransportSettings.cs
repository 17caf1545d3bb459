using ActorIpc.Hocon;

namespace ActorIpc.Remote.Transport;

/// <summary>The Unix domain socket transport's settings, from <c>actoripc.remote.unix</c>.</summary>
/// <param name="Directory">
/// <c>directory</c>: where the socket files live; <see langword="null"/> (empty in HOCON) for the
/// per-user runtime directory chosen by <see cref="UnixRuntimeDirectory.Resolve(string?)"/>.
/// </param>
/// <param name="Connection">Socket and buffering settings.</param>
internal sealed record UnixTransportSettings(string? Directory, ConnectionSettings Connection)
{
    /// <summary>The config section read by <see cref="FromConfig"/>.</summary>
    public const string Path = "actoripc.remote.unix";

    /// <summary>Reads <c>actoripc.remote.unix</c> from the merged configuration.</summary>
    /// <exception cref="HoconException">A key is missing, of the wrong type or out of range; the message names its path.</exception>
    public static UnixTransportSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var directory = SettingsChecks.OptionalString(config, Path + ".directory");
        if (directory is not null && !System.IO.Path.IsPathFullyQualified(directory))
        {
            throw SettingsChecks.Invalid(config, Path + ".directory", $"expected an absolute path or \"\", got \"{directory}\"");
        }

        return new UnixTransportSettings(directory, ConnectionSettings.FromConfig(config, Path));
    }
}
