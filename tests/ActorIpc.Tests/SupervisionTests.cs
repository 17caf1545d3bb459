using ActorIpc.Tests.Actors;
using ActorIpc.TestKit;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class SupervisionTests : TestKit.Xunit2.TestKit
{
    // The restart window is measured on the system's clock: these tests move it by hand.
    private readonly ManualClock _clock;

    public SupervisionTests(ITestOutputHelper output)
        : this(output, new ManualClock())
    {
    }

    private SupervisionTests(ITestOutputHelper output, ManualClock clock)
        : base(output, clock)
    {
        _clock = clock;
    }

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
        var child = await StartChildAsync(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell("a", TestActor);
        await ExpectMsgAsync("a");

        child.Tell(new Crash(new InvalidOperationException("boom")), TestActor);
        child.Tell("count", TestActor);

        Assert.Equal(1, await ExpectMsgAsync<int>());
    }

    [Fact]
    public async Task Stop_Directive_StopsTheChild()
    {
        var child = await StartChildAsync(Props.Create(() => new ParentActor(SupervisorStrategy.StoppingStrategy)));

        await CrashAndExpectStoppedAsync(child);
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
        var child = await StartChildAsync(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        Watch(child);

        // Two restarts, the third crash 59.99 s after the first: all in one window.
        for (var i = 1; i <= 2; i++)
        {
            child.Tell(new Crash(new InvalidOperationException($"crash {i}")), TestActor);
            await ExpectRestartAsync(TestProbe, $"crash {i}");
            _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(5));
        }

        child.Tell(new Crash(new InvalidOperationException("crash 3")), TestActor);
        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task RetryLimit_WindowPassedSinceTheFirstRestart_CountStartsOver()
    {
        // One restart per window. Were the count kept across windows, the second crash would stop the child.
        var window = TimeSpan.FromMinutes(1);
        var child = await StartChildAsync(new OneForOneStrategy(1, window, _ => Directive.Restart));

        for (var i = 1; i <= 3; i++)
        {
            child.Tell(new Crash(new InvalidOperationException($"crash {i}")), TestActor);
            await ExpectRestartAsync(TestProbe, $"crash {i}");

            // The parent opened the window at the restart it granted; a tick past its length, it has closed.
            _clock.Advance(window + TimeSpan.FromTicks(1));
        }

        child.Tell("still here", TestActor);
        await ExpectMsgAsync("still here");
    }

    [Fact]
    public async Task RetryLimit_CrashJustAsTheWindowEnds_StillCountsInIt()
    {
        var window = TimeSpan.FromMinutes(1);
        var child = await StartChildAsync(new OneForOneStrategy(1, window, _ => Directive.Restart));
        Watch(child);
        child.Tell(new Crash(new InvalidOperationException("crash 1")), TestActor);
        await ExpectRestartAsync(TestProbe, "crash 1");

        // Exactly the window's length after it opened: the window still holds the first restart.
        _clock.Advance(window);
        child.Tell(new Crash(new InvalidOperationException("crash 2")), TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task PropsStrategy_IsUsedInsteadOfTheParentsOwn()
    {
        // The parent's own strategy restarts; the props it was created with say stop.
        var child = await StartChildAsync(
            Props.Create(() => new ParentActor(SupervisorStrategy.Default)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy));

        await CrashAndExpectStoppedAsync(child);
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
    public async Task AllForOne_RetryLimitExceeded_StopsEverySibling()
    {
        var strategy = new AllForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(strategy)));
        var probeA = CreateTestProbe();
        var probeB = CreateTestProbe();
        var a = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(probeA.Ref)), "a"));
        var b = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(probeB.Ref)), "b"));
        await probeA.ExpectMsgAsync("prestart");
        await probeB.ExpectMsgAsync("prestart");
        Watch(a);
        Watch(b);

        a.Tell(new Crash(new InvalidOperationException("one")), TestActor);
        await ExpectRestartAsync(probeA, "one");
        await ExpectRestartAsync(probeB, "one");
        a.Tell(new Crash(new InvalidOperationException("two")), TestActor);

        await probeA.ExpectMsgAsync("poststop");
        await probeB.ExpectMsgAsync("poststop");
        var terminated = await ReceiveNAsync(2);
        Assert.Equal(new[] { a, b }.ToHashSet(), terminated.Cast<Terminated>().Select(t => t.ActorRef).ToHashSet());
    }

    [Fact]
    public async Task FailingConstructor_IsStoppedWithAnInitializationFailure()
    {
        var logs = new CollectingLoggerProvider();
        await using var kit = new TestKitBase(loggerFactory: logs);
        var actor = kit.Sys.ActorOf(Props.Create(() => new ThrowingConstructorActor()), "unborn");
        kit.Watch(actor);

        await kit.ExpectTerminatedAsync(actor);

        // The supervisor logs the failure before it stops the actor.
        var entry = Assert.Single(logs.Entries, e => e.Exception is not null);
        var failure = Assert.IsType<ActorInitializationException>(entry.Exception);
        Assert.Equal(actor.Path, failure.ActorPath);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Equal("actoripc://test/user/unborn: creating the actor (constructor or PreStart) failed: InvalidOperationException: cannot start", failure.Message);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal($"actoripc://test/user/unborn failed with {typeof(ActorInitializationException).FullName}: {failure.Message}; supervisor directive: Stop", entry.Message);
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

    /// <summary>Creates a parent from <paramref name="parentProps"/> and, under it, a <see cref="LifecycleProbeActor"/> reporting to <see cref="TestKitBase.TestActor"/>; returns the child once started.</summary>
    private async Task<IActorRef> StartChildAsync(Props parentProps)
    {
        var parent = Sys.ActorOf(parentProps);
        var child = await parent.Ask<IActorRef>(new CreateChild(Props.Create(() => new LifecycleProbeActor(TestActor)), "child"));
        await ExpectMsgAsync("prestart");
        return child;
    }

    private Task<IActorRef> StartChildAsync(SupervisorStrategy parentStrategy) => StartChildAsync(Props.Create(() => new ParentActor(parentStrategy)));

    /// <summary>Makes <paramref name="child"/> (started by <see cref="StartChildAsync(Props)"/>) fail and expects it to stop, not restart (which would report "prerestart" first).</summary>
    private async Task CrashAndExpectStoppedAsync(IActorRef child)
    {
        Watch(child);

        child.Tell(new Crash(new InvalidOperationException("boom")), TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectTerminatedAsync(child);
    }

    /// <summary>Expects the lifecycle messages of one restart of a <see cref="LifecycleProbeActor"/>, caused by <paramref name="reason"/>.</summary>
    private static async Task ExpectRestartAsync(TestProbe probe, string reason)
    {
        await probe.ExpectMsgAsync($"prerestart:{reason}");
        await probe.ExpectMsgAsync("poststop");
        await probe.ExpectMsgAsync("postrestart");
        await probe.ExpectMsgAsync("prestart");
    }

    private sealed class ThrowingConstructorActor : ActorBase
    {
        public ThrowingConstructorActor() => throw new InvalidOperationException("cannot start");

        protected override void OnReceive(object message)
        {
        }
    }
}
