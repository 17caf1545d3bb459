using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

public class UnixSocketTransportContractTests : TransportContractTests
{
    private readonly ScratchDirectory _directory = new();
    private int _next;

    /// <summary>The connection settings the transport runs with.</summary>
    internal virtual ConnectionSettings Connection => TransportTestSettings.Connection;

    internal override ITransport CreateTransport() => new UnixSocketTransport(TransportTestSettings.Unix(_directory.Path) with { Connection = Connection });

    internal override TransportEndpoint NewListenEndpoint() => TransportEndpoint.UnixNamed(_directory.Path, $"node-{Interlocked.Increment(ref _next)}");

    internal override ValueTask<TransportEndpoint> UnusedEndpointAsync() => ValueTask.FromResult(TransportEndpoint.UnixNamed(_directory.Path, "nobody"));

    protected override ValueTask DisposeFixtureAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
