using ActorIpc.Hocon;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The TLS transport's settings, from <c>actoripc.remote.tls</c>. A peer's certificate is trusted
/// if it matches a pinned thumbprint or chains to the configured CA; with neither configured, if
/// the operating system's trust store accepts it.
/// </summary>
/// <param name="Certificate"><c>certificate</c>: this node's certificate, presented as server certificate when listening and as client certificate when dialing.</param>
/// <param name="CaCertificatePath"><c>trust.ca-certificate-path</c>: PEM or DER file of the CA certificate(s) peers must chain to; <see langword="null"/> for none.</param>
/// <param name="Thumbprints"><c>trust.thumbprints</c>: pinned peer certificates, upper-case hex SHA-1 (40 digits) or SHA-256 (64 digits).</param>
/// <param name="CheckHostName"><c>trust.check-host-name</c>: also require the server certificate to name the host dialed.</param>
/// <param name="RequireClientCertificate"><c>require-client-certificate</c>: mutual TLS; a listener refuses clients without a trusted certificate.</param>
/// <param name="HandshakeTimeout"><c>handshake-timeout</c>: how long a TLS handshake may take, on either side.</param>
internal sealed record TlsTransportSettings(
    TlsCertificateSettings Certificate,
    string? CaCertificatePath,
    IReadOnlyList<string> Thumbprints,
    bool CheckHostName,
    bool RequireClientCertificate,
    TimeSpan HandshakeTimeout)
{
    /// <summary>The config section read by <see cref="FromConfig"/>.</summary>
    public const string Path = "actoripc.remote.tls";

    /// <summary>Reads <c>actoripc.remote.tls</c> from the merged configuration. Files are not opened here but by the transport.</summary>
    /// <exception cref="HoconException">A key is missing, of the wrong type or out of range; the message names its path.</exception>
    public static TlsTransportSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var thumbprints = new List<string>();
        foreach (var raw in config.GetStringList(Path + ".trust.thumbprints"))
        {
            thumbprints.Add(NormalizeThumbprint(raw)
                ?? throw SettingsChecks.Invalid(config, Path + ".trust.thumbprints", $"\"{raw}\" is not a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint"));
        }

        return new TlsTransportSettings(
            TlsCertificateSettings.FromConfig(config, Path + ".certificate"),
            SettingsChecks.OptionalString(config, Path + ".trust.ca-certificate-path"),
            thumbprints,
            config.GetBoolean(Path + ".trust.check-host-name"),
            config.GetBoolean(Path + ".require-client-certificate"),
            SettingsChecks.PositiveDuration(config, Path + ".handshake-timeout"));
    }

    /// <summary>Upper-case hex without separators (<c>:</c>, spaces), or <see langword="null"/> if it is not a SHA-1 or SHA-256 thumbprint.</summary>
    public static string? NormalizeThumbprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length is 40 or 64 && hex.AsSpan().ContainsAnyExcept("0123456789ABCDEF") is false ? hex : null;
    }
}
