using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class ReceiveActorTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Receive_TypedAndPredicateHandlers_FirstMatchWins()
    {
        var actor = Sys.ActorOf(Props.Create<Classifier>());

        actor.Tell(5, TestActor);
        actor.Tell(-5, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(2.5, TestActor);

        await ExpectMsgAsync("positive 5");
        await ExpectMsgAsync("int -5");
        await ExpectMsgAsync("string text");
        await ExpectMsgAsync("any 2.5");
    }

    [Fact]
    public async Task Unhandled_IsPublishedOnTheEventStream()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<OnlyStrings>());

        actor.Tell(42, TestActor);

        var unhandled = await ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public async Task Become_BecomeStacked_Unbecome_SwitchBehaviors()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>());

        actor.Tell("state", TestActor);
        await ExpectMsgAsync("initial");
        actor.Tell("become", TestActor);
        actor.Tell("state", TestActor);
        await ExpectMsgAsync("second");
        actor.Tell("stack", TestActor);
        actor.Tell("state", TestActor);
        await ExpectMsgAsync("stacked");
        actor.Tell("unbecome", TestActor);
        actor.Tell("state", TestActor);
        await ExpectMsgAsync("second");
    }

    [Fact]
    public async Task Receive_DeclaredWhileHandling_FailsTheActorWithAClearMessage()
    {
        var actor = Sys.ActorOf(Props.Create<LateDeclarer>());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("declare"));

        Assert.Contains("declared in the constructor or inside Become", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_TakesNoOtherMessageUntilDone_AndKeepsSender()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(gate.Task)));

        actor.Tell("slow", TestActor);
        actor.Tell("fast", TestActor);
        await ExpectMsgAsync("started slow");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        gate.SetResult();

        await ExpectMsgAsync("finished slow");
        await ExpectMsgAsync("fast");
    }

    [Fact]
    public async Task ReceiveAsync_Failure_FailsTheAskAndRestartsTheActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(Task.CompletedTask)));

        var thrown = await Assert.ThrowsAsync<FormatException>(() => actor.Ask<string>("throw-after-await"));

        Assert.Equal("async failure", thrown.Message);
        Assert.Equal("fast", await actor.Ask<string>("fast"));
    }

    [Fact]
    public void NewActor_WithNew_IsRefusedWithAClearMessage()
    {
        var thrown = Assert.Throws<ActorIpcException>(() => new OnlyStrings());

        Assert.Contains("ActorOf(Props.Create<OnlyStrings>())", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Props_FactoryReturningSameInstance_FailsRestartWithAClearError()
    {
        // The parent tells the test each failure it decides on, and decides as the default strategy does.
        var reporting = new OneForOneStrategy(cause =>
        {
            TestActor.Tell(cause, null);
            return SupervisorStrategy.DefaultDecider(cause);
        });
        var parent = Sys.ActorOf(Props.Create(() => new Actors.ParentActor(reporting)), "parent");
        OnlyStrings? cached = null;
        var actor = await parent.Ask<IActorRef>(new Actors.CreateChild(Props.Create(() => cached ??= new OnlyStrings()), "reused"));
        Watch(actor);

        actor.Tell(new Crash(), TestActor);

        // The restart cannot create a fresh instance; the initialization failure stops the actor.
        await ExpectMsgAsync<InvalidOperationException>(e => e.Message == "crash");
        var failure = await ExpectMsgAsync<ActorInitializationException>();
        Assert.Equal(
            "actoripc://test/user/parent/reused: restarting the actor (constructor or PostRestart) failed: InvalidOperationException: "
            + "the Props factory for OnlyStrings must create a new actor instance on every call; it returned an instance created earlier",
            failure.Message);
        await ExpectTerminatedAsync(actor);
    }

    private sealed record Crash;

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(i => i > 0, i => Sender.Tell($"positive {i}", Self));
            Receive<int>(i => Sender.Tell($"int {i}", Self));
            Receive<string>(s => Sender.Tell($"string {s}", Self));
            ReceiveAny(o => Sender.Tell(FormattableString.Invariant($"any {o}"), Self));
        }
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings()
        {
            Receive<string>(s => Sender.Tell(s, Self));
            Receive<Crash>(_ => throw new InvalidOperationException("crash"));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("initial", Self));
            Receive<string>(s => s == "become", _ => Become(Second));
        }

        private void Second()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("second", Self));
            Receive<string>(s => s == "stack", _ => BecomeStacked(Stacked));
        }

        private void Stacked()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("stacked", Self));
            Receive<string>(s => s == "unbecome", _ => UnbecomeStacked());
        }
    }

    private sealed class LateDeclarer : ReceiveActor
    {
        public LateDeclarer() => Receive<string>(_ => Receive<int>(_ => { }));
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(Task gate)
        {
            ReceiveAsync<string>(s => s == "slow", async s =>
            {
                Sender.Tell("started slow", Self);
                await gate;
                Sender.Tell("finished slow", Self);
            });
            ReceiveAsync<string>(s => s == "throw-after-await", async _ =>
            {
                await Task.Yield();
                throw new FormatException("async failure");
            });
            Receive<string>(s => Sender.Tell(s, Self));
        }
    }
}
