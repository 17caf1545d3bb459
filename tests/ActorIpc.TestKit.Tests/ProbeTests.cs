namespace ActorIpc.TestKit.Tests;

public sealed class ProbeTests : Xunit2.TestKit
{
    [Fact]
    public async Task CreateTestProbe_TwoProbes_AreIndependentOfEachOtherAndOfTestActor()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe("second");

        first.Ref.Tell(new Pong(1), null);
        second.Ref.Tell(new Pong(2), null);

        Assert.Equal(new Pong(2), await second.ExpectMsgAsync<Pong>());
        Assert.Equal(new Pong(1), await first.ExpectMsgAsync<Pong>());
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal("second", second.Ref.Path.Name);
        Assert.NotEqual(first.Ref, TestActor);
    }

    [Fact]
    public async Task Tell_ProbeAsSender_ReplyComesBackToTheProbe()
    {
        var probe = CreateTestProbe();
        var pingPong = ActorOf(Props.Create<PingPongActor>());

        probe.Tell(pingPong, new Ping());

        await probe.ExpectMsgAsync<Pong>();
        Assert.Equal(pingPong, probe.LastSender);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Reply_AfterAsk_CompletesTheAsk()
    {
        var probe = CreateTestProbe();
        var asking = probe.Ref.Ask<Pong>(new Ping(), TimeSpan.FromSeconds(3));

        await probe.ExpectMsgAsync<Ping>();
        probe.Reply(new Pong(9));

        Assert.Equal(9, (await asking).N);
    }

    [Fact]
    public void Reply_NoMessageYet_ThrowsInvalidOperation()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => TestProbe.Reply(new Pong()));

        Assert.Contains("has taken no message yet", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public async Task Forward_LastMessage_KeepsTheOriginalSender()
    {
        var middle = CreateTestProbe();
        var echo = ActorOf(Props.Create<EchoActor>());
        middle.Ref.Tell(new Ping("through"), TestActor);
        await middle.ExpectMsgAsync<Ping>();

        middle.Forward(echo);

        Assert.Equal(new Ping("through"), await ExpectMsgAsync<Ping>());
        Assert.Equal(echo, LastSender);
        await middle.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Forward_NoMessageYet_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => CreateTestProbe().Forward(TestActor));
    }

    [Fact]
    public void TestActor_IsTheDefaultProbesActor()
    {
        Assert.Equal(TestProbe.Ref, TestActor);
        Assert.Equal("testActor", TestActor.Path.Name);
        Assert.Equal("testProbe-1", CreateTestProbe().Ref.Path.Name);
    }
}
