using ActorIpc.Remote.Endpoints;
using ActorIpc.Spi;

namespace ActorIpc.Remote;

/// <summary>
/// Remoting for an actor system: it listens on the configured transports
/// (<c>actoripc.remote.transports</c>) and lets actors send to, ask and watch actors of other
/// processes through references obtained from paths
/// (<c>system.ActorSelection("actoripc.unix://worker@worker/user/callee")</c>) or received in
/// messages. Actor code does not change. Start it once per system; it stops when the system
/// terminates, or when disposed.
/// </summary>
public sealed class Remoting : IAsyncDisposable
{
    private readonly RemoteNode _node;

    private Remoting(RemoteNode node) => _node = node;

    /// <summary>The address other processes reach this system at (the first configured transport's).</summary>
    public Address Address => _node.Address;

    /// <summary>Every address this system listens on, one per transport.</summary>
    public IReadOnlyList<Address> Addresses => _node.Addresses;

    /// <summary>The remoting settings in force.</summary>
    public RemoteSettings Settings => _node.Settings;

    /// <summary>The node behind this handle, for the library's tests.</summary>
    internal RemoteNode Node => _node;

    /// <summary>
    /// Starts remoting for <paramref name="system"/>: binds its listeners (a Unix socket file of
    /// mode 0600 in the per-user runtime directory, TCP or TLS ports) and installs the
    /// resolution of other systems' addresses.
    /// </summary>
    /// <exception cref="ActorIpc.Hocon.HoconException">A remoting setting is invalid; the message names its path.</exception>
    /// <exception cref="ActorIpcException">A listener cannot be bound (the message names the endpoint and why) or remoting already runs for the system.</exception>
    public static async Task<Remoting> StartAsync(ActorSystem system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var node = new RemoteNode(system, RemoteSettings.From(system.Settings.Config));
        try
        {
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var remoting = new Remoting(node);

        // Remoting outlives the actors: termination notices of stopping actors still reach
        // their remote watchers before the listeners close, and the socket files are gone by
        // the time WhenTerminated completes.
        try
        {
            ActorSystemSpi.For(system).AddAfterActorsStopped("remoting", _ => remoting.DisposeAsync().AsTask());
        }
        catch (InvalidOperationException)
        {
            await remoting.DisposeAsync().ConfigureAwait(false);
            throw new ActorIpcException($"remoting cannot start: the actor system {system.Name} has terminated");
        }

        return remoting;
    }

    /// <summary>Stops listening and closes every connection (the socket files are removed).</summary>
    public ValueTask DisposeAsync() => _node.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Remoting({string.Join(", ", Addresses)})";
}
