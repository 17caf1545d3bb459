using ActorIpc.Tests.Actors;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class SupervisionTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Restart_DefaultStrategy_NewInstanceSameReferenceStateLost()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor)), "worker");
        await ExpectMsgAsync("prestart");
        actor.Tell("a", TestActor);
        await ExpectMsgAsync("a");

        actor.Tell(new Crash(new InvalidOperationException("boom")), TestActor);

        await ExpectMsgAsync("prerestart:boom");
        await ExpectMsgAsync("poststop");
        await ExpectMsgAsync("postrestart");
        await ExpectMsgAsync("prestart");
        actor.Tell("count", TestActor);
        Assert.Equal(0, await ExpectMsgAsync<int>());
    }

    [Fact]
    public async Task Resume_KeepsState()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(new OneForOneStrategy(_ => Directive.Resume))));
        var child = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(TestActor)), "child"));
        await ExpectMsgAsync("prestart");
        child.Tell("a", TestActor);
        await ExpectMsgAsync("a");

        child.Tell(new Crash(new InvalidOperationException("boom")), TestActor);
        child.Tell("count", TestActor);

        Assert.Equal(1, await ExpectMsgAsync<int>());
    }

    [Fact]
    public async Task Stop_Directive_StopsTheChild()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(SupervisorStrategy.StoppingStrategy)));
        var child = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(TestActor)), "child"));
        await ExpectMsgAsync("prestart");
        Watch(child);

        child.Tell(new Crash(new InvalidOperationException("boom")), TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task Escalate_FailsTheParentWhoseSupervisorRestartsIt()
    {
        var escalating = Sys.ActorOf(Props.Create(() => new ParentActor(new OneForOneStrategy(_ => Directive.Escalate))), "escalating");
        var child = await escalating.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(TestActor)), "child"));
        await ExpectMsgAsync("prestart");
        Watch(child);

        child.Tell(new Crash(new InvalidOperationException("escalated")), TestActor);

        // The escalating parent is restarted by the user guardian; its default PreRestart stops the child.
        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
        var identity = await escalating.Ask<ActorIdentity>(new Identify(1));
        Assert.Equal(escalating, identity.Subject);
    }

    [Fact]
    public async Task RetryLimit_ExceededWithinWindow_StopsTheChild()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(strategy)));
        var child = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(TestActor)), "child"));
        await ExpectMsgAsync("prestart");
        Watch(child);

        for (var i = 1; i <= 2; i++)
        {
            child.Tell(new Crash(new InvalidOperationException($"crash {i}")), TestActor);
            await ExpectMsgAsync($"prerestart:crash {i}");
            await ExpectMsgAsync("poststop");
            await ExpectMsgAsync("postrestart");
            await ExpectMsgAsync("prestart");
        }

        child.Tell(new Crash(new InvalidOperationException("crash 3")), TestActor);
        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task AllForOne_RestartsEverySibling()
    {
        var strategy = new AllForOneStrategy(_ => Directive.Restart);
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(strategy)));
        var probeA = CreateTestProbe();
        var probeB = CreateTestProbe();
        var a = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(probeA.Ref)), "a"));
        await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(probeB.Ref)), "b"));
        await probeA.ExpectMsgAsync("prestart");
        await probeB.ExpectMsgAsync("prestart");

        a.Tell(new Crash(new InvalidOperationException("one")), TestActor);

        await probeA.ExpectMsgAsync("prerestart:one");
        await probeB.ExpectMsgAsync("prerestart:one");
        await probeB.ExpectMsgAsync("poststop");
        await probeB.ExpectMsgAsync("postrestart");
    }

    [Fact]
    public async Task FailingConstructor_IsStoppedWithAnInitializationFailure()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingConstructorActor()));
        Watch(actor);

        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Kill_DefaultStrategy_StopsTheActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor)));
        await ExpectMsgAsync("prestart");
        Watch(actor);

        actor.Tell(Kill.Instance, TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void Decider_From_FirstMatchingRuleWins()
    {
        var decider = Decider.From(
            Directive.Escalate,
            (typeof(ArgumentException), Directive.Resume),
            (typeof(InvalidOperationException), Directive.Stop));

        Assert.Equal(Directive.Resume, decider(new ArgumentNullException("x")));
        Assert.Equal(Directive.Stop, decider(new InvalidOperationException()));
        Assert.Equal(Directive.Escalate, decider(new FormatException()));
        Assert.Throws<ArgumentException>(() => Decider.From(Directive.Stop, (typeof(string), Directive.Stop)));
    }

    [Fact]
    public void DefaultDecider_StopsOnInitializationKillAndDeathPact()
    {
        var path = ActorPath.Parse("actoripc://test/user/x");

        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(path, "creating", new InvalidOperationException())));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException(path)));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
    }

    private sealed class ThrowingConstructorActor : ActorBase
    {
        public ThrowingConstructorActor() => throw new InvalidOperationException("cannot start");

        protected override void OnReceive(object message)
        {
        }
    }
}
