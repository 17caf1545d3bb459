using ActorIpc.Tests.Actors;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Watch_ActorStops_TerminatedArrivesExactlyOnce()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Watch(actor);

        Sys.Stop(actor);

        var terminated = await ExpectTerminatedAsync(actor);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Watch_AlreadyDeadActor_StillGetsTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        var first = CreateTestProbe();
        first.Watch(actor);
        Sys.Stop(actor);
        await first.ExpectTerminatedAsync(actor);

        Watch(actor);

        var terminated = await ExpectTerminatedAsync(actor);
        Assert.True(terminated.ExistenceConfirmed);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unwatch_BeforeStop_NoTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Unwatch(actor);

        Sys.Stop(actor);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task WatchWith_ActorStops_CustomMessageArrives()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new WatchWithActor(target, TestActor)));
        await ExpectMsgAsync("watching");

        Sys.Stop(target);

        await ExpectMsgAsync("target is gone");
    }

    [Fact]
    public async Task UnhandledTerminated_FailsTheWatcherWithDeathPact()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new IgnoringWatcher(target, TestActor)));
        await ExpectMsgAsync("watching");
        Watch(watcher);

        Sys.Stop(target);

        // The default strategy stops an actor that failed with a DeathPactException.
        await ExpectTerminatedAsync(watcher);
    }

    [Fact]
    public async Task Stop_Parent_ChildrenStopBeforeParentPostStop()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(SupervisorStrategy.Default)));
        var childProbe = CreateTestProbe();
        var child = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(childProbe.Ref)), "child"));
        await childProbe.ExpectMsgAsync("prestart");
        Watch(parent);

        Sys.Stop(parent);

        await childProbe.ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(parent);
        await Assert.ThrowsAsync<MessageNotDeliveredException>(() => child.Ask<ActorIdentity>(new Identify(1)));
    }

    [Fact]
    public async Task PoisonPill_HandlesEarlierMessagesThenStops_LaterOnesAreDeadLetters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "pill");
        Watch(actor);

        actor.Tell("before", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("after", TestActor);

        await ExpectMsgAsync("before");
        var messages = await ReceiveNAsync(2);
        Assert.Contains(messages, m => m is Terminated);
        var letter = Assert.Single(messages.OfType<DeadLetter>());
        Assert.Equal("after", letter.Message);
        Assert.Equal(DeadLetterReasons.Stopped, letter.Reason);
    }

    [Fact]
    public async Task GracefulStop_CompletesWhenStopped()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(probe.Ref)));
        await probe.ExpectMsgAsync("prestart");

        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));

        await probe.ExpectMsgAsync("poststop");
    }

    [Fact]
    public async Task GracefulStop_NotStoppedInTime_TimesOut()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());

        // A stop message the actor just echoes: it never stops.
        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.GracefulStop(TimeSpan.FromMilliseconds(50), "not a stop"));

        Assert.True(thrown.TargetAlive);
    }

    private sealed class WatchWithActor : ActorBase
    {
        private readonly IActorRef _probe;

        public WatchWithActor(IActorRef target, IActorRef probe)
        {
            _probe = probe;
            Context.WatchWith(target, "target is gone");
            probe.Tell("watching", Self);
        }

        protected override void OnReceive(object message) => _probe.Tell(message, Self);
    }

    private sealed class IgnoringWatcher : ActorBase
    {
        public IgnoringWatcher(IActorRef target, IActorRef probe)
        {
            Context.Watch(target);
            probe.Tell("watching", Self);
        }

        protected override void OnReceive(object message)
        {
            if (message is not Terminated)
            {
                return;
            }

            Unhandled(message);
        }
    }
}
