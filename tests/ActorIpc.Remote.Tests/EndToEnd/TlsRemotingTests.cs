using ActorIpc.Remote.Tests.Transport;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Remoting over TLS on the loopback interface: both nodes present the same node certificate
/// (server and client usages) signed by a test CA made in-process, and trust only that CA. The
/// files live in a 0700 scratch directory deleted with the fixture.
/// </summary>
public sealed class TlsRemotingTests(TestCertificates certificates) : NetworkRemotingTests, IClassFixture<TestCertificates>
{
    protected override string Scheme => "actoripc.tls";

    protected override string TransportConfig => $$"""
        actoripc.remote.transports = [ tls ]
        actoripc.remote.tls {
          hostname = "127.0.0.1"
          port = 0
          certificate { pem-path = "{{certificates.NodePemCertificate}}", key-path = "{{certificates.NodePemKey}}" }
          trust.ca-certificate-path = "{{certificates.CaPath}}"
          require-client-certificate = on
        }
        """;
}
