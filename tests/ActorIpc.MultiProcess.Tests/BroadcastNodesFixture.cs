using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.TestNode;
using Akka.Actor;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Three nodes of one cluster in three processes, for the messenger: this test process (the seed,
/// role <c>parent</c>) and two <c>ActorIpc.TestNode</c> processes, one with the role <c>worker</c>
/// and one with the role <c>agent</c>, with references to their subscriptions actors. One trio
/// serves every test of the collection; every child is ended when it is disposed, whatever happened.
/// </summary>
public sealed class BroadcastNodesFixture : IAsyncLifetime
{
    public const string ParentRole = "parent";
    public const string WorkerRole = "worker";
    public const string AgentRole = "agent";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

    private ActorIpcNode? _parent;
    private TestNodeProcess? _worker;
    private TestNodeProcess? _agent;

    public ActorIpcNode Parent => _parent ?? throw new InvalidOperationException("the fixture has not started");

    public TestNodeProcess Worker => _worker ?? throw new InvalidOperationException("the fixture has not started");

    public TestNodeProcess Agent => _agent ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The worker process's subscriptions actor (<see cref="TestNodeConfig.Subscriptions"/>).</summary>
    public IActorRef WorkerSubscriptions { get; private set; } = ActorRefs.Nobody;

    /// <summary>The agent process's subscriptions actor.</summary>
    public IActorRef AgentSubscriptions { get; private set; } = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        try
        {
            var config = ConfigFactory.ParseString(
                $"{TestNodeConfig.Defaults}\nactoripc.node.roles = [ {ParentRole} ]",
                new ConfigParseOptions { Resolve = false, OriginName = "parent" });
            _parent = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
            var seed = _parent.Address.ToString();

            // Side by side: each child takes a few seconds to start on two cores.
            var worker = TestNodeProcess.StartAsync(seed, Roles(WorkerRole), ReadyTimeout);
            var agent = TestNodeProcess.StartAsync(seed, Roles(AgentRole), ReadyTimeout);
            try
            {
                await Task.WhenAll(worker, agent);
            }
            finally
            {
                // WhenAll waits for both: whichever started is kept, so that DisposeAsync ends it.
                _worker = worker.IsCompletedSuccessfully ? worker.Result : null;
                _agent = agent.IsCompletedSuccessfully ? agent.Result : null;
            }

            WorkerSubscriptions = await ResolveAsync(Worker.Address);
            AgentSubscriptions = await ResolveAsync(Agent.Address);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // The children first: they leave the cluster while their seed is still there to see them go.
        await Task.WhenAll(EndAsync(_worker), EndAsync(_agent));
        _worker = null;
        _agent = null;

        if (_parent is not null)
        {
            await _parent.DisposeAsync();
            _parent = null;
        }
    }

    private static string Roles(string role) => $"actoripc.node.roles = [ {role} ]";

    private static async Task EndAsync(TestNodeProcess? child)
    {
        if (child is not null)
        {
            await child.DisposeAsync();
        }
    }

    private Task<IActorRef> ResolveAsync(string address) =>
        Parent.System.ActorSelection($"{address}/user/{TestNodeConfig.Subscriptions}").ResolveOne(ResolveTimeout);
}
