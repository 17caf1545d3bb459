using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class StashTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task UnstashAll_ReplaysStashedMessagesInOrderBeforeNewOnes()
    {
        var actor = Sys.ActorOf(Props.Create<Gate>());

        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell("open", TestActor);
        actor.Tell("c", TestActor);

        await ExpectMsgAsync("opened");
        await ExpectMsgAsync("a");
        await ExpectMsgAsync("b");
        await ExpectMsgAsync("c");
    }

    [Fact]
    public async Task Stash_SurvivesRestart()
    {
        var actor = Sys.ActorOf(Props.Create<Gate>());

        actor.Tell("a", TestActor);
        actor.Tell("crash", TestActor);
        actor.Tell("open", TestActor);

        await ExpectMsgAsync("opened");
        await ExpectMsgAsync("a");
    }

    [Fact]
    public async Task Stop_StashedMessagesGoToDeadLetters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<Gate>());

        actor.Tell("kept", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("kept", letter.Message);
        Assert.Equal(DeadLetterReasons.Stopped, letter.Reason);
    }

    [Fact]
    public async Task Stash_SameMessageTwice_Fails()
    {
        var actor = Sys.ActorOf(Props.Create<DoubleStasher>());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("x"));

        Assert.Contains("already stashed", thrown.Message, StringComparison.Ordinal);
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Sender.Tell("opened", Self);
                Become(Open);
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash while closed"));
            Receive<string>(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;

        private void Open() => Receive<string>(s => Sender.Tell(s, Self));
    }

    private sealed class DoubleStasher : ReceiveActor, IWithStash
    {
        public DoubleStasher() => Receive<string>(_ =>
        {
            Stash.Stash();
            Stash.Stash();
        });

        public IStash Stash { get; set; } = null!;
    }
}
