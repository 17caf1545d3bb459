using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorIpc.Remote.Transport;

/// <summary>Opens the certificate files TLS settings name, with errors that say which file and what is wrong with it.</summary>
internal static class TlsCertificates
{
    /// <summary>Loads this node's certificate with its private key.</summary>
    /// <exception cref="TransportException">A file is missing or unreadable, the password is wrong, or the certificate has no private key.</exception>
    public static X509Certificate2 LoadOwn(TlsCertificateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        X509Certificate2 certificate;
        if (settings.PfxPath is { } pfx)
        {
            RequireFile(pfx, settings.ConfigPath + ".pfx-path");
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, settings.Password, X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException e)
            {
                throw new TransportException(
                    $"Cannot open the PKCS#12 file {pfx} ({settings.ConfigPath}.pfx-path): {e.Message} Check {settings.ConfigPath}.password.", e);
            }
        }
        else if (settings.PemCertificatePath is { } pem)
        {
            RequireFile(pem, settings.ConfigPath + ".pem-path");
            if (settings.PemKeyPath is { } keyPath)
            {
                RequireFile(keyPath, settings.ConfigPath + ".key-path");
            }

            try
            {
                certificate = settings.Password is { } password
                    ? X509Certificate2.CreateFromEncryptedPemFile(pem, password, settings.PemKeyPath)
                    : X509Certificate2.CreateFromPemFile(pem, settings.PemKeyPath);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                var key = settings.PemKeyPath ?? pem;
                throw new TransportException(
                    $"Cannot load the PEM certificate {pem} with the key in {key} ({settings.ConfigPath}): {e.Message}", e);
            }
        }
        else
        {
            throw new TransportException($"No TLS certificate is configured: set {settings.ConfigPath}.pfx-path, or pem-path and key-path.");
        }

        if (!certificate.HasPrivateKey)
        {
            var subject = certificate.Subject;
            certificate.Dispose();
            throw new TransportException($"The TLS certificate '{subject}' in {settings} has no private key ({settings.ConfigPath}).");
        }

        return certificate;
    }

    /// <summary>Loads the CA certificates of a PEM bundle or a single DER certificate.</summary>
    /// <exception cref="TransportException">The file is missing, unreadable or holds no certificate.</exception>
    public static X509Certificate2Collection LoadAuthorities(string path, string configPath)
    {
        RequireFile(path, configPath);
        var authorities = new X509Certificate2Collection();
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
            {
                authorities.ImportFromPemFile(path);
            }
            else
            {
                authorities.Add(X509CertificateLoader.LoadCertificate(bytes));
            }
        }
        catch (CryptographicException e)
        {
            throw new TransportException($"Cannot read the CA certificate file {path} ({configPath}): {e.Message}", e);
        }

        return authorities.Count > 0
            ? authorities
            : throw new TransportException($"The CA certificate file {path} ({configPath}) holds no certificate.");
    }

    private static void RequireFile(string path, string configPath)
    {
        if (!File.Exists(path))
        {
            throw new TransportException($"The TLS file {path} ({configPath}) does not exist.");
        }
    }
}
