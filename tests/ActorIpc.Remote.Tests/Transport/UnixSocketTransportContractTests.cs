using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

public sealed class UnixSocketTransportContractTests : TransportContractTests
{
    private readonly ScratchDirectory _directory = new();
    private int _next;

    internal override ITransport CreateTransport() => new UnixSocketTransport(TransportTestSettings.Unix(_directory.Path));

    internal override TransportEndpoint NewListenEndpoint() => TransportEndpoint.UnixNamed(_directory.Path, $"node-{Interlocked.Increment(ref _next)}");

    internal override ValueTask<TransportEndpoint> UnusedEndpointAsync() => ValueTask.FromResult(TransportEndpoint.UnixNamed(_directory.Path, "nobody"));

    protected override ValueTask DisposeFixtureAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
