using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Decides whether a peer's certificate is trusted, by the rules of <see cref="TlsTransportSettings"/>,
/// and says why not in words that name the certificate.
/// </summary>
internal sealed class TlsPeerValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    private readonly X509Certificate2Collection? _authorities;
    private readonly IReadOnlyList<string> _thumbprints;
    private readonly bool _checkHostName;

    /// <summary>Creates the validator.</summary>
    /// <param name="authorities">The CA certificates peers must chain to, or <see langword="null"/> for none.</param>
    /// <param name="thumbprints">Pinned certificates (normalized hex SHA-1 or SHA-256).</param>
    /// <param name="checkHostName">Whether a server certificate must name the host dialed.</param>
    public TlsPeerValidator(X509Certificate2Collection? authorities, IReadOnlyList<string> thumbprints, bool checkHostName)
    {
        _authorities = authorities;
        _thumbprints = thumbprints;
        _checkHostName = checkHostName;
    }

    /// <summary>Why a certificate is not trusted, or <see langword="null"/> when it is.</summary>
    /// <param name="certificate">The peer's certificate, or <see langword="null"/> if it sent none.</param>
    /// <param name="chain">The chain SslStream built, whose extra store holds the intermediates the peer sent.</param>
    /// <param name="errors">What SslStream found with the operating system's rules.</param>
    /// <param name="isServer">True when validating a server's certificate (on the dialing side).</param>
    /// <param name="peer">The peer, for the message.</param>
    public string? Reject(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, bool isServer, string peer)
    {
        var role = isServer ? "server" : "client";
        if (certificate is null)
        {
            return isServer
                ? $"the server {peer} presented no certificate"
                : $"the client {peer} presented no certificate, and this listener requires one (require-client-certificate = on)";
        }

        var peerCertificate = certificate as X509Certificate2;
        using var copy = peerCertificate is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        peerCertificate ??= copy!;
        var sha256 = peerCertificate.GetCertHashString(HashAlgorithmName.SHA256);
        var named = $"the {role} certificate '{peerCertificate.Subject}' (SHA-256 {sha256}, issued by '{peerCertificate.Issuer}') presented by {peer}";

        var now = DateTime.Now;
        if (now < peerCertificate.NotBefore || now > peerCertificate.NotAfter)
        {
            return $"{named} is not valid now (valid from {peerCertificate.NotBefore:u} to {peerCertificate.NotAfter:u})";
        }

        if (isServer && _checkHostName && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return $"{named} does not name the host dialed (trust.check-host-name = on)";
        }

        if (_thumbprints.Contains(sha256) || _thumbprints.Contains(peerCertificate.Thumbprint))
        {
            return null;
        }

        if (_authorities is not null)
        {
            return ChainsToAuthority(peerCertificate, chain, isServer) is { } why
                ? $"{named} is not trusted: {why}{PinHint()}"
                : null;
        }

        if ((errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            var status = chain is null ? errors.ToString() : Describe(chain.ChainStatus);
            return $"{named} is not trusted by this machine's certificate store ({status}){PinHint()}";
        }

        return null;
    }

    private string? ChainsToAuthority(X509Certificate2 certificate, X509Chain? presented, bool isServer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        // Never fetch issuers over the network: only the CA file and what the peer sent count.
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(isServer ? ServerAuthentication : ClientAuthentication);
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        if (chain.Build(certificate))
        {
            return null;
        }

        var names = string.Join(", ", _authorities!.Select(a => $"'{a.Subject}'"));
        return $"it does not chain to the configured CA {names} ({Describe(chain.ChainStatus)})";
    }

    private string PinHint() => _thumbprints.Count > 0 ? " and matches none of the pinned thumbprints" : string.Empty;

    private static string Describe(X509ChainStatus[] statuses) =>
        statuses.Length == 0 ? "no details" : string.Join("; ", statuses.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
}
