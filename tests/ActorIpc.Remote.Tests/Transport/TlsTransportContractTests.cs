using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>The contract over mutual TLS: one node certificate serves both roles, trusted through the test CA.</summary>
public sealed class TlsTransportContractTests(TestCertificates certificates) : TransportContractTests, IClassFixture<TestCertificates>
{
    internal override ITransport CreateTransport() => new TlsTransport(
        TransportTestSettings.Tcp,
        TransportTestSettings.Tls(TransportTestSettings.Pfx(certificates.NodePfx, TestCertificates.Password), certificates.CaPath, requireClientCertificate: true));

    internal override TransportEndpoint NewListenEndpoint() => TransportEndpoint.Tls("127.0.0.1", 0);

    internal override ValueTask<TransportEndpoint> UnusedEndpointAsync() => ClosedPort.FindAsync(TransportEndpoint.Tls);
}
