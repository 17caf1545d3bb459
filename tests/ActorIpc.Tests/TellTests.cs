using ActorIpc.Tests.Actors;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class TellTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Tell_FromInsideAnActor_SenderIsThatActor()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var relay = Sys.ActorOf(Props.Create(() => new Relay(echo, TestActor)), "relay");

        relay.Tell("ping", TestActor);

        // The echo answered the relay (the implicit sender), which passed the answer on.
        await ExpectMsgAsync("relayed ping");
    }

    [Fact]
    public async Task Tell_FromOutside_HasNoSender()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        echo.Tell("nobody to answer");

        // The echo's reply to "no sender" goes to dead letters.
        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("nobody to answer", letter.Message);
    }

    [Fact]
    public async Task Forward_KeepsTheOriginalSender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)));

        forwarder.Tell("via forwarder", TestActor);

        await ExpectMsgAsync("via forwarder");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Tell_NullMessage_Throws()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        Assert.Throws<ArgumentNullException>(() => echo.Tell(null!, TestActor));
    }

    private sealed class Relay(IActorRef echo, IActorRef probe) : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (Sender.Equals(echo))
            {
                probe.Tell($"relayed {message}", Self);
            }
            else
            {
                echo.Tell(message);
            }
        }
    }

    private sealed class Forwarder(IActorRef target) : ActorBase
    {
        protected override void OnReceive(object message) => target.Forward(message);
    }
}
