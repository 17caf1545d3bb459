using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// What an actor sends to another process in one run leaves when the run ends, and also once
/// <c>flush-sends-every</c> messages are held back, then at twice as many, and so on. Here the sending actor blocks in its run, and nothing else
/// sends early: heartbeats are a minute apart, and alpha's held-back sends are watched by a
/// watchdog that never looks.
/// </summary>
public sealed class FlushSendsEveryTests : TwoNodesTest
{
    protected override string AlphaConfig => """
        actoripc.remote.heartbeat-interval = 60s
        actoripc.remote.flush-sends-every = 8
        """;

    protected override string BetaConfig => "actoripc.remote.heartbeat-interval = 60s";

    [Fact]
    public async Task TheEighthAndSixteenthMessagesOfARun_SendWhatItHeldBack_AndTheRestLeavesInOrderWhenTheRunEnds()
    {
        var recorder = BetaKit.CreateTestProbe();
        Beta.ActorOf(RecordingEcho.Props(recorder.Ref), "recording");

        // Resolving connects alpha to beta, so its writer is up and waits for sends.
        var target = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/recording").ResolveOne(Patience);
        AlphaRemoting.Node.UseWatchdog(new TurnWatchdog(TimeSpan.FromMilliseconds(1), startThread: false));
        using var gate = new ManualResetEventSlim(false);
        var sender = Alpha.ActorOf(Props.Create(() => new BlockingSender(target, gate)), "sender");

        var reply = sender.Ask<bool>(20, Patience * 2);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal($"m{i}", await recorder.ExpectMsgAsync<string>(Patience));
        }

        gate.Set();
        Assert.True(await reply, "the sender's run was not released");
        for (var i = 16; i < 20; i++)
        {
            Assert.Equal($"m{i}", await recorder.ExpectMsgAsync<string>(Patience));
        }
    }

    // Sends that many messages, then blocks its run until the gate opens.
    private sealed class BlockingSender : ReceiveActor
    {
        public BlockingSender(IActorRef target, ManualResetEventSlim gate)
        {
            Receive<int>(count =>
            {
                for (var i = 0; i < count; i++)
                {
                    target.Tell($"m{i}", ActorRefs.NoSender);
                }

                Sender.Tell(gate.Wait(Patience * 2), Self);
            });
        }
    }
}
