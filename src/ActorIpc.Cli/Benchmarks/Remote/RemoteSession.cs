using ActorIpc.Remote;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Both ends of an actor benchmark: this process's actor system with remoting, and the node
/// process serving echo and sink actors. Disposing it ends both, the node last.
/// </summary>
internal sealed class RemoteSession : IAsyncDisposable
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

    private readonly Remoting _remoting;

    private IActorRef? _allocated;

    private RemoteSession(ActorSystem system, Remoting remoting, NodeProcess node)
    {
        System = system;
        _remoting = remoting;
        Node = node;
    }

    public ActorSystem System { get; }

    public NodeProcess Node { get; }

    public static async Task<RemoteSession> StartAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = await NodeProcess.StartAsync(context.Transport, raw: false, cancellationToken).ConfigureAwait(false);
        ActorSystem? system = null;
        try
        {
            system = ActorSystem.Create("bench", RemoteBenchConfig.For(context.Transport));
            var remoting = await Remoting.StartAsync(system, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"{node.Description}; this process at {remoting.Address}");
            return new RemoteSession(system, remoting, node);
        }
        catch
        {
            if (system is not null)
            {
                await system.DisposeAsync().ConfigureAwait(false);
            }

            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="round"/> until neither this process nor the node compiles any more
    /// (<see cref="WarmUp"/>).
    /// </summary>
    public async Task WarmUpAsync(BenchContext context, Func<TimeSpan, Task> round, CancellationToken cancellationToken)
    {
        var jit = await ResolveAsync(BenchNode.JitName, cancellationToken).ConfigureAwait(false);
        await WarmUp.RunAsync(context, round, () => jit.Ask<long>("compiled?", ResolveTimeout, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the bytes the node process has allocated so far. Read before and after a run, the
    /// difference is what the answering side allocated for it (plus one such question).
    /// </summary>
    public async Task<long> NodeAllocatedAsync(CancellationToken cancellationToken)
    {
        _allocated ??= await ResolveAsync(BenchNode.AllocatedName, cancellationToken).ConfigureAwait(false);
        return await _allocated.Ask<long>("allocated?", ResolveTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reference to one of the node's actors (<see cref="BenchNode"/> names them).</summary>
    public Task<IActorRef> ResolveAsync(string name, CancellationToken cancellationToken) =>
        System.ActorSelection($"{Node.Address}/user/{name}").ResolveOne(ResolveTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await System.DisposeAsync().ConfigureAwait(false);

            // Remoting stops when its system terminates, but in the background: awaited here, it
            // removes its socket file before this process goes on (or exits).
            await _remoting.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
