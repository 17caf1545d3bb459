using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.TestNode;
using Akka.Actor;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Two nodes of one cluster in two processes: this test process (the seed, allowing the shared
/// messages and errors, as <see cref="TestNodeConfig.Defaults"/>) and one <c>ActorIpc.TestNode</c>
/// process that allows more (<see cref="ChildConfig"/>), with references to the child's actors.
/// One pair serves every test of the collection.
/// </summary>
public sealed class TestNodeFixture : IAsyncLifetime
{
    /// <summary>What the child allows beyond the defaults both processes share.</summary>
    public const string ChildConfig = """
        actoripc.serialization {
          allowed-types += "ActorIpc.TestNode.Secret.*"
          exception-types += "ActorIpc.TestNode.Hidden.*"
        }
        """;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

    private ActorIpcNode? _parent;
    private TestNodeProcess? _child;

    public ActorIpcNode Parent => _parent ?? throw new InvalidOperationException("the fixture has not started");

    public TestNodeProcess Child => _child ?? throw new InvalidOperationException("the fixture has not started");

    public IActorRef Echo { get; private set; } = ActorRefs.Nobody;

    public IActorRef Failing { get; private set; } = ActorRefs.Nobody;

    public IActorRef Relay { get; private set; } = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        try
        {
            var config = ConfigFactory.ParseString(TestNodeConfig.Defaults, new ConfigParseOptions { Resolve = false, OriginName = "parent" });
            _parent = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
            _child = await TestNodeProcess.StartAsync(_parent.Address.ToString(), ChildConfig, TimeSpan.FromSeconds(60));
            Echo = await ResolveAsync(TestNodeConfig.Echo);
            Failing = await ResolveAsync(TestNodeConfig.Failing);
            Relay = await ResolveAsync(TestNodeConfig.Relay);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // The child first: it leaves the cluster while its seed is still there to see it go.
        if (_child is not null)
        {
            await _child.DisposeAsync();
            _child = null;
        }

        if (_parent is not null)
        {
            await _parent.DisposeAsync();
            _parent = null;
        }
    }

    private Task<IActorRef> ResolveAsync(string name) =>
        Parent.System.ActorSelection($"{Child.Address}/user/{name}").ResolveOne(ResolveTimeout);
}
