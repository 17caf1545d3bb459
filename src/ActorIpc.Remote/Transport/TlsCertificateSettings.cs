using ActorIpc.Hocon;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Where a node's own TLS certificate and private key come from: a PKCS#12 file, or a PEM
/// certificate (optionally followed by its chain) and a PEM key. At most one of the two forms.
/// </summary>
/// <param name="PfxPath"><c>pfx-path</c>: a PKCS#12 (.pfx/.p12) file holding the certificate and key.</param>
/// <param name="PemCertificatePath"><c>pem-path</c>: a PEM certificate file.</param>
/// <param name="PemKeyPath"><c>key-path</c>: the PEM private key; <see langword="null"/> when it follows the certificate in <paramref name="PemCertificatePath"/>.</param>
/// <param name="Password"><c>password</c>: the PKCS#12 password, or the password of an encrypted PEM key; <see langword="null"/> for none.</param>
/// <param name="ConfigPath">The config section it was read from, for error messages.</param>
internal sealed record TlsCertificateSettings(string? PfxPath, string? PemCertificatePath, string? PemKeyPath, string? Password, string ConfigPath)
{
    /// <summary>True when a certificate is configured at all.</summary>
    public bool IsConfigured => PfxPath is not null || PemCertificatePath is not null;

    /// <summary>Reads the section at <paramref name="path"/>.</summary>
    /// <exception cref="HoconException">Both forms are given, or a key without the one it needs; the message names the path.</exception>
    public static TlsCertificateSettings FromConfig(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        var pfx = SettingsChecks.OptionalString(config, path + ".pfx-path");
        var pem = SettingsChecks.OptionalString(config, path + ".pem-path");
        var key = SettingsChecks.OptionalString(config, path + ".key-path");
        var password = SettingsChecks.OptionalString(config, path + ".password");
        if (pfx is not null && pem is not null)
        {
            throw SettingsChecks.Invalid(config, path + ".pem-path", "give either pfx-path or pem-path, not both");
        }

        if (key is not null && pem is null)
        {
            throw SettingsChecks.Invalid(config, path + ".key-path", "key-path needs pem-path (a PKCS#12 file holds its own key)");
        }

        return new TlsCertificateSettings(pfx, pem, key, password, path);
    }

    /// <summary>The certificate file, for messages.</summary>
    public override string ToString() => PfxPath ?? PemCertificatePath ?? "(none)";
}
