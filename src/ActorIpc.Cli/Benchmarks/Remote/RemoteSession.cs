using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Both ends of an actor benchmark: this process as the seed node of a two-node Akka cluster, and
/// the node process, joined to it, serving the echo, sink and probe actors. Disposing it ends
/// both, the node process first, so that it leaves while the seed is there to see it go.
/// </summary>
internal sealed class RemoteSession : IAsyncDisposable
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The transports an actor benchmark measures over: TCP only, as Akka.Remote (DotNetty) runs
    /// here. Unix domain sockets come with the same-host lane (<c>ActorIpc.Lane</c>).
    /// </summary>
    public static IReadOnlyList<BenchTransport> Transports { get; } = [BenchTransport.Tcp];

    private readonly ActorIpcNode _node;

    private IActorRef? _jit;
    private IActorRef? _allocated;

    private RemoteSession(ActorIpcNode node, NodeProcess process)
    {
        _node = node;
        Node = process;
    }

    /// <summary>This process's actor system, where the benchmark's clients and Asks live.</summary>
    public ActorSystem System => _node.System;

    /// <summary>The node process.</summary>
    public NodeProcess Node { get; }

    /// <summary>
    /// Starts this process's node (the seed), then the node process joined to it; prints both
    /// addresses and the Akka settings the figures depend on.
    /// </summary>
    public static async Task<RemoteSession> StartAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = await ActorIpcNode.StartAsync(RemoteBenchConfig.Options(seed: null), cancellationToken).ConfigureAwait(false);
        try
        {
            var process = await NodeProcess.StartActorsAsync(node.Address.ToString(), cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"{process.Description}; this process at {node.Address}");
            foreach (var line in RemoteBenchConfig.Describe(node))
            {
                context.Output.WriteLine(line);
            }

            return new RemoteSession(node, process);
        }
        catch
        {
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
        _jit ??= await ResolveAsync(BenchNode.JitName, cancellationToken).ConfigureAwait(false);
        var jit = _jit;
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
            await Node.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
