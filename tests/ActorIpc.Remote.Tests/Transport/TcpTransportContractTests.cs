using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

public sealed class TcpTransportContractTests : TransportContractTests
{
    internal override ITransport CreateTransport() => new TcpTransport(TransportTestSettings.Tcp);

    internal override TransportEndpoint NewListenEndpoint() => TransportEndpoint.Tcp("127.0.0.1", 0);

    internal override ValueTask<TransportEndpoint> UnusedEndpointAsync() => ClosedPort.FindAsync(TransportEndpoint.Tcp);

    [Fact]
    public async Task ListenAsync_PortZero_EndpointHasTheBoundPort()
    {
        var listener = await ListenAsync();

        Assert.Equal(TransportEndpoint.TcpScheme, listener.Endpoint.Scheme);
        Assert.Equal("127.0.0.1", listener.Endpoint.Host);
        Assert.InRange(listener.Endpoint.Port, 1, 65535);
    }

    [Fact]
    public async Task ListenAsync_PortInUse_FailsNamingTheEndpoint()
    {
        var listener = await ListenAsync();

        var failure = await Assert.ThrowsAsync<TransportException>(() => Transport.ListenAsync(listener.Endpoint, TestTimeout).AsTask());

        Assert.Contains(listener.Endpoint.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("in use", failure.Message, StringComparison.Ordinal);
    }
}
