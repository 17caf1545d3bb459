using ActorIpc.Hocon;
using ActorIpc.Hosting;

namespace ActorIpc.Tests.Broadcast;

/// <summary>
/// A two-node cluster in this process for the messenger's tests: the seed with the role
/// <c>parent</c> and a member with the role <c>worker</c>, both allowing the tests' messages. The
/// tests share it, each on topics of its own.
/// </summary>
public sealed class MessengerFixture : IAsyncLifetime
{
    public const string ParentRole = "parent";
    public const string WorkerRole = "worker";

    private ActorIpcNode? _parent;
    private ActorIpcNode? _worker;

    public ActorIpcNode Parent => _parent ?? throw new InvalidOperationException("the fixture has not started");

    public ActorIpcNode Worker => _worker ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _parent = await ActorIpcNode.StartAsync(new NodeOptions { Config = NodeConfig(ParentRole) });
        _worker = await ActorIpcNode.StartAsync(new NodeOptions { Config = NodeConfig(WorkerRole), Seed = _parent.Address.ToString() });
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (_parent is not null)
        {
            await _parent.DisposeAsync();
        }
    }

    private static Config NodeConfig(string role) => ConfigFactory.ParseString(
        $$"""
        akka.loglevel = WARNING
        actoripc.node.roles = [ {{role}} ]
        actoripc.serialization.allowed-types += "ActorIpc.Tests.Broadcast.Messages.*"
        """,
        new ConfigParseOptions { Resolve = false, OriginName = role });
}
