using ActorIpc.Tests.Actors;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class ActorSelectionTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Select_AbsolutePath_DeliversToTheActor()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Sys.ActorSelection("/user/echo").Tell("hi", TestActor);
        Sys.ActorSelection("actoripc://test/user/echo").Tell("full", TestActor);

        await ExpectMsgAsync("hi");
        await ExpectMsgAsync("full");
    }

    [Fact]
    public async Task Select_Wildcards_DeliverToEveryMatch()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "worker-1");
        Sys.ActorOf(Props.Create<EchoActor>(), "worker-2");
        Sys.ActorOf(Props.Create<EchoActor>(), "other");

        Sys.ActorSelection("/user/worker-*").Tell("a", TestActor);
        Sys.ActorSelection("/user/worker-?").Tell("b", TestActor);

        var received = await ReceiveNAsync(4);
        Assert.Equal(2, received.Count(m => Equals(m, "a")));
        Assert.Equal(2, received.Count(m => Equals(m, "b")));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Identify_NoMatch_AnswersWithEmptyIdentity()
    {
        Sys.ActorSelection("/user/nobody-here").Tell(new Identify("id-1"), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public async Task Identify_Match_AnswersWithTheReference()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Sys.ActorSelection("/user/echo").Tell(new Identify(7), TestActor);

        Assert.Equal(echo, (await ExpectMsgAsync<ActorIdentity>()).Subject);
    }

    [Fact]
    public async Task ResolveOne_NoMatch_ThrowsActorNotFound()
    {
        var thrown = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/missing").ResolveOne());

        Assert.Contains("/user/missing", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_RelativeToAnActor_ResolvesSiblings()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "sibling");
        var finder = Sys.ActorOf(Props.Create<SiblingFinder>(), "finder");

        Assert.Equal(echo, await finder.Ask<IActorRef>("../sibling"));
    }

    [Fact]
    public async Task Select_NoMatch_OtherMessagesAreDeadLetters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        Sys.ActorSelection("/user/ghost").Tell("boo", TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Contains("/user/ghost", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_OtherSystemAddress_IsRefusedWithAClearMessage()
    {
        var thrown = Assert.Throws<ArgumentException>(() => Sys.ActorSelection("actoripc://elsewhere/user/a"));

        Assert.Contains("no transport is installed", thrown.Message, StringComparison.Ordinal);
    }

    private sealed class SiblingFinder : ActorBase
    {
        protected override void OnReceive(object message)
        {
            var sender = Sender;
            Context.ActorSelection((string)message).ResolveOne().PipeTo(sender);
        }
    }
}
