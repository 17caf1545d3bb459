using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class ReceiveTimeoutTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task SetReceiveTimeout_Idle_DeliversReceiveTimeout()
    {
        Sys.ActorOf(Props.Create(() => new Idler(TestActor, TimeSpan.FromMilliseconds(50))));

        await ExpectMsgAsync("timeout 1");
        await ExpectMsgAsync("timeout 2");
    }

    [Fact]
    public async Task SetReceiveTimeout_Cleared_NoMoreTimeouts()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idler(TestActor, TimeSpan.FromMilliseconds(50))));
        await ExpectMsgAsync("timeout 1");

        actor.Tell("clear", TestActor);
        await ExpectMsgAsync("cleared");

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task ReceiveTimeout_MessagesKeepArriving_DoesNotFireWhileBusy()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idler(TestActor, TimeSpan.FromSeconds(1))));

        // Each round trip is far shorter than the timeout, so no timeout is due while pinging.
        for (var i = 0; i < 20; i++)
        {
            actor.Tell("ping", TestActor);
            await ExpectMsgAsync("pong");
        }

        await ExpectMsgAsync("timeout 1", TimeSpan.FromSeconds(5));
    }

    private sealed class Idler : ActorBase
    {
        private readonly IActorRef _probe;
        private int _timeouts;

        public Idler(IActorRef probe, TimeSpan timeout)
        {
            _probe = probe;
            Context.SetReceiveTimeout(timeout);
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case ReceiveTimeout:
                    _probe.Tell($"timeout {++_timeouts}", Self);
                    break;
                case "clear":
                    Context.SetReceiveTimeout(null);
                    Sender.Tell("cleared", Self);
                    break;
                case "ping":
                    Sender.Tell("pong", Self);
                    break;
            }
        }
    }
}
