using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Processes.Control;

/// <summary>
/// A node of this process whose topology's processes are never started, which publishes a
/// <see cref="Calc"/> as <c>calc</c>, and a control server for its fleet in a scratch directory;
/// disposed: the server, the node, then the directory.
/// </summary>
internal sealed class ControlNode : IAsyncDisposable
{
    public const string FleetName = "unit";

    private readonly ScratchDirectory _scratch;

    private ControlNode(ActorIpcNode node, FleetControlServer server, ScratchDirectory scratch, string directory)
    {
        Node = node;
        Server = server;
        _scratch = scratch;
        Directory = directory;
    }

    public ActorIpcNode Node { get; }

    public FleetControlServer Server { get; }

    /// <summary>The sockets' directory, which the server made.</summary>
    public string Directory { get; }

    public FleetControlClient Client => new(FleetName, Directory);

    public static async Task<ControlNode> StartAsync()
    {
        var config = ConfigFactory.ParseString(
            "actoripc.processes { a.program = /bin/true, b { program = /bin/true, replicas = 2 } }\nactoripc.invoker.keys.calc.timeout = 2s\nactoripc.published-objects.drain-timeout = 100ms",
            new ConfigParseOptions { Resolve = false });
        var node = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
        var scratch = new ScratchDirectory();
        var directory = Path.Combine(scratch.Path, "control");
        try
        {
            PublishedObjects.Get(node.System).Publish<ICalc>("calc", new Calc());
            var server = FleetControlServer.Start(node.System, FleetName, directory);
            return new ControlNode(node, server, scratch, directory);
        }
        catch
        {
            await node.DisposeAsync();
            scratch.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Server.DisposeAsync();
            await Node.DisposeAsync();
        }
        finally
        {
            _scratch.Dispose();
        }
    }
}
