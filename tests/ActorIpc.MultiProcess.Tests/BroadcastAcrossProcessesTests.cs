using ActorIpc.TestNode.Actors;
using ActorIpc.TestNode.Messages;
using Akka.Actor;
using Akka.TestKit;

namespace ActorIpc.MultiProcess.Tests;

[Collection(BroadcastNodesCollection.Name)]
public sealed class BroadcastAcrossProcessesTests(BroadcastNodesFixture nodes) : Akka.TestKit.Xunit2.TestKit(nodes.Parent.System)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Only as the check that nothing more arrives after what was expected did.
    private static readonly TimeSpan NoMore = TimeSpan.FromMilliseconds(500);

    private Messenger Messenger => Messenger.Get(nodes.Parent.System);

    [Fact]
    public async Task Broadcast_FromTheTestProcess_EverySubscriberInEveryProcessHearsItOnce()
    {
        var topic = NewTopic();
        await SubscribeAsync(nodes.WorkerSubscriptions, topic, "w1", "w2");
        await SubscribeAsync(nodes.AgentSubscriptions, topic, "a1");
        await Messenger.SubscribeAsync(topic, Sys.ActorOf(SubscriberActor.Props("p1")));
        await AwaitCountAsync(topic, null, 4);
        var probe = CreateTestProbe();

        Messenger.Broadcast(topic, new Shout("refresh", probe.Ref));

        var heard = await ExpectHeardAsync(probe, 4);
        Assert.Equal(
            new[] { ("a1", nodes.Agent.Address), ("p1", nodes.Parent.Address.ToString()), ("w1", nodes.Worker.Address), ("w2", nodes.Worker.Address) },
            heard.Select(h => (h.Subscriber, h.Node)).Order());
        Assert.All(heard, h => Assert.Equal("refresh", h.Text));
    }

    [Fact]
    public async Task SendToOne_SubscribersInTwoProcesses_EachMessageReachesExactlyOneProcess()
    {
        var topic = NewTopic();
        await SubscribeAsync(nodes.WorkerSubscriptions, topic, "w1");
        await SubscribeAsync(nodes.AgentSubscriptions, topic, "a1");
        await AwaitCountAsync(topic, null, 2);
        var probe = CreateTestProbe();

        for (var i = 0; i < 6; i++)
        {
            Messenger.SendToOne(topic, new Shout($"job {i}", probe.Ref));
        }

        var heard = await ExpectHeardAsync(probe, 6);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"job {i}"), heard.Select(h => h.Text).Order(StringComparer.Ordinal));
        Assert.All(heard, h => Assert.Contains(h.Node, new[] { nodes.Worker.Address, nodes.Agent.Address }));
    }

    [Fact]
    public async Task Broadcast_WithRole_OnlyThatRolesProcessHearsIt()
    {
        var topic = NewTopic();
        await SubscribeAsync(nodes.WorkerSubscriptions, topic, "w1");
        await SubscribeAsync(nodes.AgentSubscriptions, topic, "a1");
        await Messenger.SubscribeAsync(topic, Sys.ActorOf(SubscriberActor.Props("p1")));
        await AwaitCountAsync(topic, BroadcastNodesFixture.AgentRole, 1);
        await AwaitCountAsync(topic, null, 3);
        var probe = CreateTestProbe();

        Messenger.Broadcast(topic, new Shout("agents only", probe.Ref), BroadcastNodesFixture.AgentRole);

        var heard = Assert.Single(await ExpectHeardAsync(probe, 1));
        Assert.Equal(("a1", nodes.Agent.Address), (heard.Subscriber, heard.Node));
    }

    [Fact]
    public async Task CountSubscribersAsync_FromTheTestProcess_CountsEachProcessByItsRole()
    {
        var topic = NewTopic();
        await SubscribeAsync(nodes.WorkerSubscriptions, topic, "w1", "w2", "w3");
        await SubscribeAsync(nodes.AgentSubscriptions, topic, "a1");

        await AwaitCountAsync(topic, null, 4);
        Assert.Equal(3, await Messenger.CountSubscribersAsync(topic, BroadcastNodesFixture.WorkerRole));
        Assert.Equal(1, await Messenger.CountSubscribersAsync(topic, BroadcastNodesFixture.AgentRole));
        Assert.Equal(0, await Messenger.CountSubscribersAsync(topic, BroadcastNodesFixture.ParentRole));
    }

    // The fixture owns the node's actor system, which outlives each test: the TestKit must not
    // terminate it when a test ends.
    protected override void Shutdown(ActorSystem system, TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
    }

    private static string NewTopic() => $"topic-{Guid.NewGuid():N}";

    private static async Task SubscribeAsync(IActorRef subscriptions, string topic, params string[] names)
    {
        foreach (var name in names)
        {
            await subscriptions.Ask<Subscribed>(new SubscribeTo(topic, name), Wait);
        }
    }

    private static async Task<List<Heard>> ExpectHeardAsync(TestProbe probe, int count)
    {
        var heard = new List<Heard>();
        for (var i = 0; i < count; i++)
        {
            heard.Add(await probe.ExpectMsgAsync<Heard>(Wait));
        }

        await probe.ExpectNoMsgAsync(NoMore);
        return heard;
    }

    // What another process subscribed reaches this process's mediator by gossip: wait until it counts.
    private Task AwaitCountAsync(string topic, string? role, int expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, await Messenger.CountSubscribersAsync(topic, role)), Wait, TimeSpan.FromMilliseconds(50));
}
