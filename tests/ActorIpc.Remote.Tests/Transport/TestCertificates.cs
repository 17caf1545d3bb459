using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>
/// Certificates made in-process: a test CA signing a server, a client and a node (both roles)
/// certificate, one whose names don't match, and a rogue CA with its own server certificate.
/// Written as PFX/PEM files to a scratch directory that is deleted on dispose.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "correct horse";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly ScratchDirectory _files = new();
    private readonly List<X509Certificate2> _certificates = [];

    public TestCertificates()
    {
        var ca = Track(CreateAuthority("CN=ActorIpc Test CA"));
        var rogueCa = Track(CreateAuthority("CN=ActorIpc Rogue CA"));
        CaPath = WritePem("ca.pem", ca);
        RogueCaPath = WritePem("rogue-ca.pem", rogueCa);
        Server = Track(CreateLeaf(ca, "CN=actoripc-server", ["localhost"], server: true, client: false));
        Client = Track(CreateLeaf(ca, "CN=actoripc-client", ["localhost"], server: false, client: true));
        Node = Track(CreateLeaf(ca, "CN=actoripc-node", ["localhost"], server: true, client: true));
        WrongName = Track(CreateLeaf(ca, "CN=actoripc-elsewhere", ["elsewhere.invalid"], server: true, client: true, loopbackIp: false));
        Rogue = Track(CreateLeaf(rogueCa, "CN=actoripc-impostor", ["localhost"], server: true, client: true));
        ServerPfx = WritePfx("server.pfx", Server);
        ClientPfx = WritePfx("client.pfx", Client);
        NodePfx = WritePfx("node.pfx", Node);
        WrongNamePfx = WritePfx("wrong-name.pfx", WrongName);
        RoguePfx = WritePfx("rogue.pfx", Rogue);
        NodePemCertificate = WritePem("node.pem", Node);
        NodePemKey = _files.File("node.key");
        File.WriteAllText(NodePemKey, Node.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public string CaPath { get; }

    public string RogueCaPath { get; }

    public string ServerPfx { get; }

    public string ClientPfx { get; }

    public string NodePfx { get; }

    public string WrongNamePfx { get; }

    public string RoguePfx { get; }

    public string NodePemCertificate { get; }

    public string NodePemKey { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 Node { get; }

    public X509Certificate2 WrongName { get; }

    public X509Certificate2 Rogue { get; }

    /// <summary>A path in the scratch directory, for tests that write their own files.</summary>
    public string ScratchFile(string name) => _files.File(name);

    public void Dispose()
    {
        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }

        _files.Dispose();
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(60));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 issuer, string subject, string[] dnsNames, bool server, bool client, bool loopbackIp = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection();
        if (server)
        {
            usages.Add(ServerAuthentication);
        }

        if (client)
        {
            usages.Add(ClientAuthentication);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        if (loopbackIp)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var withoutKey = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(12));
        return withoutKey.CopyWithPrivateKey(key);
    }

    private X509Certificate2 Track(X509Certificate2 certificate)
    {
        _certificates.Add(certificate);
        return certificate;
    }

    private string WritePfx(string name, X509Certificate2 certificate)
    {
        var path = _files.File(name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private string WritePem(string name, X509Certificate2 certificate)
    {
        var path = _files.File(name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
