using ActorIpc.Dispatch;
using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class DeliveryBurstTests
{
    [Fact]
    public void InABurst_AMailboxIsScheduledOnceAtItsEnd_NotAtItsFirstMessage()
    {
        var dispatcher = new RecordingDispatcher();
        var mailbox = new Mailbox(null, dispatcher);

        using (ActorSystemSpi.BeginDeliveryBurst())
        {
            mailbox.Post(new Envelope("one", null));
            mailbox.Post(new Envelope("two", null));
            Assert.Equal(0, dispatcher.Scheduled);
        }

        Assert.Equal(1, dispatcher.Scheduled);
    }

    [Fact]
    public void NestedBursts_ScheduleWhenTheOutermostEnds()
    {
        var dispatcher = new RecordingDispatcher();
        var first = new Mailbox(null, dispatcher);
        var second = new Mailbox(null, dispatcher);

        using (ActorSystemSpi.BeginDeliveryBurst())
        {
            using (ActorSystemSpi.BeginDeliveryBurst())
            {
                first.Post(new Envelope("one", null));
            }

            Assert.Equal(0, dispatcher.Scheduled);
            second.Post(new Envelope("two", null));
        }

        Assert.Equal(2, dispatcher.Scheduled);
    }

    [Fact]
    public void OutsideABurst_AndAfterAnUnbegunScope_SchedulingIsImmediate()
    {
        var dispatcher = new RecordingDispatcher();
        var mailbox = new Mailbox(null, dispatcher);
        default(DeliveryBurst).Dispose();

        mailbox.Post(new Envelope("one", null));

        Assert.Equal(1, dispatcher.Scheduled);
    }

    [Fact]
    public async Task ActorsGetTheBurstsMessagesAfterItEnds()
    {
        await using var system = ActorSystem.Create("burst");
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new CountTo(3, received)));

        using (ActorSystemSpi.BeginDeliveryBurst())
        {
            counter.Tell(1);
            counter.Tell(2);
            counter.Tell(3);
        }

        Assert.Equal(3, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private sealed class RecordingDispatcher() : MessageDispatcher("recording", 10)
    {
        public int Scheduled { get; private set; }

        public override void Schedule(Mailbox mailbox) => Scheduled++;
    }

    private sealed class CountTo(int target, TaskCompletionSource<int> done) : ActorBase
    {
        private int _count;

        protected override void OnReceive(object message)
        {
            if (++_count == target)
            {
                done.SetResult(_count);
            }
        }
    }
}
