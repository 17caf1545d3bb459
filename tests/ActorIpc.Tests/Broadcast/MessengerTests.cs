using ActorIpc.Hosting;
using ActorIpc.Tests.Broadcast.Messages;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;

namespace ActorIpc.Tests.Broadcast;

public sealed class MessengerTests(MessengerFixture nodes) : Akka.TestKit.Xunit2.TestKit, IClassFixture<MessengerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Only as the check that nothing more arrives after what was expected did.
    private static readonly TimeSpan NoMore = TimeSpan.FromMilliseconds(300);

    private Messenger ParentMessenger => Messenger.Get(nodes.Parent.System);

    private Messenger WorkerMessenger => Messenger.Get(nodes.Worker.System);

    [Fact]
    public void Get_SameSystemTwice_ReturnsTheSameMessenger()
    {
        Assert.Same(Messenger.Get(nodes.Parent.System), Messenger.Get(nodes.Parent.System));
        Assert.NotSame(Messenger.Get(nodes.Parent.System), Messenger.Get(nodes.Worker.System));
    }

    [Fact]
    public async Task Broadcast_SubscribersOnTwoNodes_EachGetsTheMessageExactlyOnce()
    {
        var topic = NewTopic();
        var probes = new[] { await SubscribeProbeAsync(topic, nodes.Parent), await SubscribeProbeAsync(topic, nodes.Parent), await SubscribeProbeAsync(topic, nodes.Worker) };
        await AwaitCountAsync(ParentMessenger, topic, null, 3);
        await AwaitCountAsync(WorkerMessenger, topic, null, 3);

        WorkerMessenger.Broadcast(topic, "refresh");

        foreach (var probe in probes)
        {
            Assert.Equal("refresh", await probe.ExpectMsgAsync<string>(Wait));
        }

        foreach (var probe in probes)
        {
            await probe.ExpectNoMsgAsync(NoMore);
        }
    }

    [Fact]
    public async Task WaitForSubscribersAsync_SubscribersOnAnotherNode_ReturnsOnceTheyAreCounted()
    {
        var topic = NewTopic();
        await SubscribeProbeAsync(topic, nodes.Worker);
        await SubscribeProbeAsync(topic, nodes.Worker);

        var counted = await ParentMessenger.WaitForSubscribersAsync(topic, 2, MessengerFixture.WorkerRole, Wait);

        Assert.Equal(2, counted);
    }

    [Fact]
    public async Task WaitForSubscribersAsync_TooFewComeInTime_FailsWithTheLastCount()
    {
        var topic = NewTopic();
        await SubscribeProbeAsync(topic, nodes.Parent);

        var error = await Assert.ThrowsAsync<MessengerException>(() => ParentMessenger.WaitForSubscribersAsync(topic, 2, timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Contains($"2 subscriber(s) of topic '{topic}': 1 after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_SubscriberSubscribedTwice_GetsTheMessageOnce()
    {
        var topic = NewTopic();
        var probe = await SubscribeProbeAsync(topic, nodes.Worker);
        await WorkerMessenger.SubscribeAsync(topic, probe.Ref);
        await AwaitCountAsync(ParentMessenger, topic, null, 1);

        ParentMessenger.Broadcast(topic, "once");

        Assert.Equal("once", await probe.ExpectMsgAsync<string>(Wait));
        await probe.ExpectNoMsgAsync(NoMore);
    }

    [Fact]
    public async Task Broadcast_RecordOfAnAllowedType_ArrivesIntactOnTheOtherNode()
    {
        var topic = NewTopic();
        var probe = await SubscribeProbeAsync(topic, nodes.Worker);
        await AwaitCountAsync(ParentMessenger, topic, null, 1);
        var note = new Note("prices", [1, 2, 3]);

        ParentMessenger.Broadcast(topic, note);

        var received = await probe.ExpectMsgAsync<Note>(Wait);
        Assert.NotSame(note, received);
        Assert.Equal(note.Text, received.Text);
        Assert.Equal<int>(note.Numbers, received.Numbers);
    }

    [Fact]
    public async Task Broadcast_FromAnActor_SubscribersSeeThatActorAsTheSender()
    {
        var topic = NewTopic();
        var probe = await SubscribeProbeAsync(topic, nodes.Worker);
        await AwaitCountAsync(ParentMessenger, topic, null, 1);
        var broadcaster = nodes.Parent.System.ActorOf(Props.Create(typeof(Broadcaster), topic));

        broadcaster.Tell("from an actor");

        Assert.Equal("from an actor", await probe.ExpectMsgAsync<string>(Wait));
        Assert.Equal(broadcaster.Path.ToStringWithoutAddress(), probe.LastSender.Path.ToStringWithoutAddress());
        Assert.Equal(nodes.Parent.Address, probe.LastSender.Path.Address);
    }

    [Fact]
    public async Task Broadcast_WithRole_OnlySubscribersOnNodesWithTheRoleGetIt()
    {
        var topic = NewTopic();
        var onParent = await SubscribeProbeAsync(topic, nodes.Parent);
        var onWorker = await SubscribeProbeAsync(topic, nodes.Worker);
        await AwaitCountAsync(ParentMessenger, topic, MessengerFixture.WorkerRole, 1);
        Assert.Equal(2, await ParentMessenger.CountSubscribersAsync(topic));

        ParentMessenger.Broadcast(topic, "workers only", MessengerFixture.WorkerRole);
        WorkerMessenger.Broadcast(topic, "parent only", MessengerFixture.ParentRole);

        Assert.Equal("workers only", await onWorker.ExpectMsgAsync<string>(Wait));
        Assert.Equal("parent only", await onParent.ExpectMsgAsync<string>(Wait));
        await onWorker.ExpectNoMsgAsync(NoMore);
        await onParent.ExpectNoMsgAsync(NoMore);
    }

    [Fact]
    public async Task SendToOne_ThreeSubscribersOnTwoNodes_EachMessageReachesExactlyOne()
    {
        var topic = NewTopic();
        var collector = CreateTestProbe(nodes.Parent.System);
        await SubscribeForwardersAsync(topic, collector);
        await AwaitCountAsync(ParentMessenger, topic, null, 3);
        var messages = Enumerable.Range(0, 12).Select(i => $"job {i}").ToArray();

        foreach (var message in messages)
        {
            ParentMessenger.SendToOne(topic, message);
        }

        var heard = new List<Heard>();
        foreach (var _ in messages)
        {
            heard.Add(await collector.ExpectMsgAsync<Heard>(Wait));
        }

        await collector.ExpectNoMsgAsync(NoMore);
        Assert.Equal(messages.Order(StringComparer.Ordinal), heard.Select(h => (string)h.Message).Order(StringComparer.Ordinal));
        Assert.All(heard, h => Assert.Contains(h.Subscriber, new[] { "p1", "p2", "w1" }));
    }

    [Fact]
    public async Task SendToOne_WithRole_OnlyASubscriberOnANodeWithTheRoleGetsIt()
    {
        var topic = NewTopic();
        var collector = CreateTestProbe(nodes.Parent.System);
        await SubscribeForwardersAsync(topic, collector);
        await AwaitCountAsync(ParentMessenger, topic, MessengerFixture.WorkerRole, 1);

        for (var i = 0; i < 4; i++)
        {
            ParentMessenger.SendToOne(topic, $"job {i}", MessengerFixture.WorkerRole);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("w1", (await collector.ExpectMsgAsync<Heard>(Wait)).Subscriber);
        }

        await collector.ExpectNoMsgAsync(NoMore);
    }

    [Fact]
    public async Task SendToOne_NoSubscriber_GoesToDeadLettersWithAWarning()
    {
        var topic = NewTopic();
        var events = CreateTestProbe(nodes.Parent.System);
        nodes.Parent.System.EventStream.Subscribe(events.Ref, typeof(DeadLetter));
        nodes.Parent.System.EventStream.Subscribe(events.Ref, typeof(Warning));
        try
        {
            ParentMessenger.SendToOne(topic, "nobody listens", MessengerFixture.WorkerRole);

            // The warning comes first, then the dead letter, among whatever else the node logs.
            var warning = await events.FishForMessageAsync<Warning>(w => w.Message.ToString()!.Contains(topic, StringComparison.Ordinal), Wait);
            await events.FishForMessageAsync(m => m is DeadLetter { Message: "nobody listens" }, Wait);
            Assert.Contains("no subscriber (role 'worker')", warning.Message.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            nodes.Parent.System.EventStream.Unsubscribe(events.Ref);
        }
    }

    [Fact]
    public async Task UnsubscribeAsync_Subscriber_DropsOutOfTheCountAndGetsNoMoreBroadcasts()
    {
        var topic = NewTopic();
        var staying = await SubscribeProbeAsync(topic, nodes.Worker);
        var leaving = await SubscribeProbeAsync(topic, nodes.Worker);
        await AwaitCountAsync(ParentMessenger, topic, null, 2);

        await WorkerMessenger.UnsubscribeAsync(topic, leaving.Ref);

        Assert.Equal(1, await ParentMessenger.CountSubscribersAsync(topic));
        ParentMessenger.Broadcast(topic, "after");
        Assert.Equal("after", await staying.ExpectMsgAsync<string>(Wait));
        await leaving.ExpectNoMsgAsync(NoMore);
    }

    [Fact]
    public async Task UnsubscribeAsync_NotSubscribed_CompletesAndChangesNothing()
    {
        var topic = NewTopic();
        var probe = CreateTestProbe(nodes.Parent.System);

        await ParentMessenger.UnsubscribeAsync(topic, probe.Ref);

        Assert.Equal(0, await ParentMessenger.CountSubscribersAsync(topic));
    }

    [Fact]
    public async Task Subscriber_Stopped_DropsOutAndTheOthersStillGetBroadcasts()
    {
        var topic = NewTopic();
        var staying = await SubscribeProbeAsync(topic, nodes.Worker);
        var stopping = await SubscribeProbeAsync(topic, nodes.Worker);
        await AwaitCountAsync(ParentMessenger, topic, null, 2);

        nodes.Worker.System.Stop(stopping.Ref);

        await AwaitCountAsync(ParentMessenger, topic, null, 1);
        ParentMessenger.Broadcast(topic, "still here");
        Assert.Equal("still here", await staying.ExpectMsgAsync<string>(Wait));
    }

    [Fact]
    public async Task CountSubscribersAsync_RoleNoNodeHas_IsZero()
    {
        var topic = NewTopic();
        await SubscribeProbeAsync(topic, nodes.Parent);

        Assert.Equal(0, await ParentMessenger.CountSubscribersAsync(topic, "nobody-has-this-role"));
        Assert.Equal(1, await ParentMessenger.CountSubscribersAsync(topic, MessengerFixture.ParentRole));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public async Task Operations_TopicEmptyOrWhitespace_ThrowArgumentExceptionNamingTheTopicParameter(string topic)
    {
        var probe = CreateTestProbe(nodes.Parent.System);

        Assert.Equal("topic", (await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.SubscribeAsync(topic, probe.Ref))).ParamName);
        Assert.Equal("topic", (await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.UnsubscribeAsync(topic, probe.Ref))).ParamName);
        Assert.Equal("topic", (await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.CountSubscribersAsync(topic))).ParamName);
        Assert.Equal("topic", Assert.Throws<ArgumentException>(() => ParentMessenger.Broadcast(topic, "x")).ParamName);
        Assert.Equal("topic", Assert.Throws<ArgumentException>(() => ParentMessenger.SendToOne(topic, "x")).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Operations_RoleEmptyOrWhitespace_ThrowArgumentExceptionThatSaysToPassNull(string role)
    {
        var broadcast = Assert.Throws<ArgumentException>(() => ParentMessenger.Broadcast("t", "x", role));
        var sendToOne = Assert.Throws<ArgumentException>(() => ParentMessenger.SendToOne("t", "x", role));
        var count = await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.CountSubscribersAsync("t", role));

        Assert.All(new[] { broadcast, sendToOne, count }, e =>
        {
            Assert.Equal("role", e.ParamName);
            Assert.Contains("pass null to reach every node", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Operations_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ParentMessenger.Broadcast(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => ParentMessenger.Broadcast("t", null!));
        Assert.Throws<ArgumentNullException>(() => ParentMessenger.SendToOne("t", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ParentMessenger.SubscribeAsync("t", null!));
    }

    [Fact]
    public async Task SubscribeAsync_ActorOfAnotherNode_ThrowsArgumentException()
    {
        var probe = CreateTestProbe(nodes.Worker.System);
        var remote = await nodes.Parent.System.ActorSelection(probe.Ref.Path.ToStringWithAddress(nodes.Worker.Address)).ResolveOne(Wait);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.SubscribeAsync("t", remote));
        var sameProcess = await Assert.ThrowsAsync<ArgumentException>(() => ParentMessenger.SubscribeAsync("t", probe.Ref));

        Assert.Equal("subscriber", error.ParamName);
        Assert.Contains("its own node", error.Message, StringComparison.Ordinal);
        Assert.Equal("subscriber", sameProcess.ParamName);
    }

    [Fact]
    public async Task SubscribeAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ParentMessenger.SubscribeAsync(NewTopic(), CreateTestProbe(nodes.Parent.System).Ref, cancel.Token));
    }

    private static string NewTopic() => $"topic-{Guid.NewGuid():N}";

    private async Task<TestProbe> SubscribeProbeAsync(string topic, ActorIpcNode node)
    {
        var probe = CreateTestProbe(node.System);
        await Messenger.Get(node.System).SubscribeAsync(topic, probe.Ref);
        return probe;
    }

    // Two subscribers on the parent (p1, p2) and one on the worker (w1), reporting to the collector.
    private async Task SubscribeForwardersAsync(string topic, TestProbe collector)
    {
        await ParentMessenger.SubscribeAsync(topic, nodes.Parent.System.ActorOf(Forwarder.Props("p1", collector.Ref)));
        await ParentMessenger.SubscribeAsync(topic, nodes.Parent.System.ActorOf(Forwarder.Props("p2", collector.Ref)));
        await WorkerMessenger.SubscribeAsync(topic, nodes.Worker.System.ActorOf(Forwarder.Props("w1", collector.Ref)));
    }

    // What another node subscribed reaches this node's mediator by gossip: wait until it counts.
    private Task AwaitCountAsync(Messenger messenger, string topic, string? role, int expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, await messenger.CountSubscribersAsync(topic, role)), Wait, TimeSpan.FromMilliseconds(50));
}
