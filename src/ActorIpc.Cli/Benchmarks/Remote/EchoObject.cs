namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>The node's published echo (<see cref="IEcho"/>): answers at once, as the echo actors do.</summary>
internal sealed class EchoObject : IEcho
{
    /// <inheritdoc />
    public Task<int> EchoAsync(int value, CancellationToken cancellationToken) => Task.FromResult(value);
}
