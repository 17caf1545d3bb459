using ActorIpc.Hosting;
using Akka.Actor;
using Akka.Remote;
using Akka.TestKit;

namespace ActorIpc.Tests;

/// <summary>Two nodes of one cluster in this process, talking over Akka.Remote on loopback.</summary>
public sealed class ReceptionistTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly ServiceKey<string> Echo = new("echo");
    private static readonly ServiceKey<int> Counter = new("counter");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorIpcNode _a = null!;
    private ActorIpcNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await ActorIpcNode.StartAsync();
        _b = await ActorIpcNode.StartAsync(new NodeOptions { Seed = _a.Address.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Register_LocalCallee_FindOnTheSameNodeReturnsIt()
    {
        var callee = _a.System.ActorOf(Props.Empty, "callee");
        var listings = Subscribe(_a, Echo);

        Receptionist.Get(_a.System).Register(Echo, callee);

        await ExpectCalleesAsync(listings, callee);
        Assert.Equal([callee], Receptionist.Get(_a.System).Find(Echo).Callees);
    }

    [Fact]
    public async Task Register_OnOneNode_TheOtherNodeFindsTheCalleeAndCanCallIt()
    {
        var callee = _a.System.ActorOf(Props.Create(() => new Replier()), "replier");
        var listings = Subscribe(_b, Echo);

        Receptionist.Get(_a.System).Register(Echo, callee);

        var listing = await ExpectCalleesAsync(listings, callee);
        Assert.Equal(_a.Address, listing.Callees[0].Path.Address);
        Assert.Equal("pong", await listing.Callees[0].Ask<string>("ping", Patience));
        Assert.Single(Receptionist.Get(_b.System).Find(Echo).Callees);
    }

    [Fact]
    public async Task Find_KeysWithTheSameNameAndAnotherProtocol_AreOtherKeys()
    {
        var callee = _a.System.ActorOf(Props.Empty, "typed");
        var echoListings = Subscribe(_b, Echo);
        var sameName = new ServiceKey<int>("echo");

        Receptionist.Get(_a.System).Register(sameName, callee);
        Receptionist.Get(_a.System).Register(Echo, callee);

        await ExpectCalleesAsync(echoListings, callee);
        Assert.Single(Receptionist.Get(_b.System).Find(sameName).Callees);
        Assert.NotEqual<ServiceKey>(Echo, sameName);
    }

    [Fact]
    public async Task CalleeStops_ItDropsOutOfTheListingOnEveryNode()
    {
        var first = _a.System.ActorOf(Props.Empty, "first");
        var second = _b.System.ActorOf(Props.Empty, "second");
        var onA = Subscribe(_a, Counter);
        var onB = Subscribe(_b, Counter);
        Receptionist.Get(_a.System).Register(Counter, first);
        Receptionist.Get(_b.System).Register(Counter, second);
        await ExpectCalleesAsync(onA, first, second);
        await ExpectCalleesAsync(onB, first, second);

        _a.System.Stop(first);

        await ExpectCalleesAsync(onA, second);
        await ExpectCalleesAsync(onB, second);
    }

    [Fact]
    public async Task Deregister_TheCalleeLeavesTheListingAndKeepsItsOtherKeys()
    {
        var callee = _a.System.ActorOf(Props.Empty, "both");
        var echoes = Subscribe(_b, Echo);
        var counters = Subscribe(_b, Counter);
        var receptionist = Receptionist.Get(_a.System);
        receptionist.Register(Echo, callee);
        receptionist.Register(Counter, callee);
        await ExpectCalleesAsync(echoes, callee);
        await ExpectCalleesAsync(counters, callee);

        receptionist.Deregister(Echo, callee);

        await ExpectCalleesAsync(echoes);
        Assert.Equal([callee.Path.ToStringWithAddress(_a.Address)], Receptionist.Get(_b.System).Find(Counter).Callees.Select(c => c.Path.ToString()));
    }

    [Fact]
    public async Task NodeLeaves_ItsCalleesDropOutOfTheOtherNodesListing()
    {
        var third = await ActorIpcNode.StartAsync(new NodeOptions { Seed = _a.Address.ToString() });
        var callee = third.System.ActorOf(Props.Empty, "leaving");
        var listings = Subscribe(_a, Echo);
        Receptionist.Get(third.System).Register(Echo, callee);
        await ExpectCalleesAsync(listings, callee);

        await third.DisposeAsync();

        await ExpectCalleesAsync(listings);
    }

    [Fact]
    public async Task NodeDowned_ItsCalleesDropOutThoughTheyNeverStopped()
    {
        // The downed node keeps running (no shutdown when downed), as a process that hangs would.
        var third = await ActorIpcNode.StartAsync(new NodeOptions
        {
            Seed = _a.Address.ToString(),
            Config = ActorIpc.Hocon.ConfigFactory.ParseString("akka.cluster.run-coordinated-shutdown-when-down = off\nakka.coordinated-shutdown.run-by-actor-system-terminate = off", new ActorIpc.Hocon.ConfigParseOptions { Resolve = false }),
        });
        try
        {
            var callee = third.System.ActorOf(Props.Empty, "downed");
            var listings = Subscribe(_a, Echo);
            Receptionist.Get(third.System).Register(Echo, callee);
            await ExpectCalleesAsync(listings, callee);

            // What a supervisor does when a child process dies: the member is downed, its actors
            // never stop on their own and never deregister.
            _a.Cluster.Down(third.Address);

            await ExpectCalleesAsync(listings);
        }
        finally
        {
            await third.System.Terminate();
        }
    }

    [Fact]
    public async Task ConnectionLost_TheNodesCalleesLeaveTheViewBeforeCallsInFlightAreFailed()
    {
        var first = _b.System.ActorOf(Props.Empty, "first");
        var second = _b.System.ActorOf(Props.Empty, "second");
        var listings = Subscribe(_a, Echo);
        Receptionist.Get(_b.System).Register(Echo, first);
        Receptionist.Get(_b.System).Register(Echo, second);
        await ExpectCalleesAsync(listings, first, second);
        var receptionist = Receptionist.Get(_a.System);
        var listedWhenLost = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        receptionist.Lost += (_, _) => listedWhenLost.TrySetResult(receptionist.Callees(Echo).Length);

        // What Akka.Remote publishes when a killed process's connection closes. The invoker fails
        // the calls in flight to the first callee when Lost is raised, and re-sends an idempotent
        // one at once: the view must not offer it the second callee, in the same dead process.
        _a.System.EventStream.Publish(new DisassociatedEvent(_a.Address, _b.Address, inbound: false));

        Assert.Equal(0, await listedWhenLost.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Subscribe_KeyWithoutCallees_GetsAnEmptyListingAtOnce()
    {
        var listings = Subscribe(_a, new ServiceKey<string>("nobody"));

        var listing = await listings.ExpectMsgAsync<Listing>(Patience);

        Assert.Empty(listing.Callees);
        Assert.Equal("nobody", listing.Key.Name);
    }

    [Fact]
    public void Register_AnActorOfAnotherProcess_IsRefusedWithTheReason()
    {
        var remote = ((ExtendedActorSystem)_a.System).Provider.ResolveActorRef($"{_b.Address}/user/elsewhere");

        var receptionist = Receptionist.Get(_a.System);

        var error = Assert.Throws<ArgumentException>(() => { receptionist.Register(Echo, remote); });

        Assert.Contains("another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receptionist_SystemWithoutTheClusterProvider_WorksInThatProcess()
    {
        var system = ActorSystem.Create("local-only", "akka.actor.provider = local");
        try
        {
            var callee = system.ActorOf(Props.Empty, "callee");
            var probe = CreateTestProbe(system);
            Receptionist.Get(system).Subscribe(Echo, probe.Ref);
            await probe.ExpectMsgAsync<Listing>(l => l.Callees.Count == 0, Patience);

            Receptionist.Get(system).Register(Echo, callee);

            await probe.ExpectMsgAsync<Listing>(l => l.Callees.SequenceEqual([callee]), Patience);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private TestProbe Subscribe(ActorIpcNode node, ServiceKey key)
    {
        var probe = CreateTestProbe(node.System);
        Receptionist.Get(node.System).Subscribe(key, probe.Ref);
        return probe;
    }

    /// <summary>Waits for the listing that names exactly <paramref name="callees"/> (by path), skipping the ones before it.</summary>
    private static async Task<Listing> ExpectCalleesAsync(TestProbe listings, params IActorRef[] callees)
    {
        var expected = callees.Select(c => c.Path.ToStringWithoutAddress()).Order(StringComparer.Ordinal).ToArray();
        var listing = await listings.FishForMessageAsync<Listing>(
            l => l.Callees.Select(c => c.Path.ToStringWithoutAddress()).Order(StringComparer.Ordinal).SequenceEqual(expected),
            Patience);
        return listing;
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier() => Receive<string>(_ => Sender.Tell("pong"));
    }
}
