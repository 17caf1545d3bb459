using ActorIpc.Dispatch;
using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class DeliveryBatchTests
{
    [Fact]
    public void ALocalActor_IsScheduledOnceAtTheFlush_NotAtItsFirstMessage()
    {
        var dispatcher = new RecordingDispatcher();
        var mailbox = new Mailbox(null, dispatcher);
        var batch = new DeliveryBatch();

        mailbox.PostDeferred(new Envelope("one", null), batch);
        mailbox.PostDeferred(new Envelope("two", null), batch);
        Assert.Equal(0, dispatcher.Scheduled);

        batch.Flush();

        Assert.Equal(1, dispatcher.Scheduled);
        batch.Flush();
        Assert.Equal(1, dispatcher.Scheduled);
    }

    [Fact]
    public void APlainPost_StillSchedulesAtOnce()
    {
        var dispatcher = new RecordingDispatcher();
        var mailbox = new Mailbox(null, dispatcher);

        mailbox.Post(new Envelope("one", null));

        Assert.Equal(1, dispatcher.Scheduled);
    }

    [Fact]
    public async Task ActorsGetTheBatchsMessages_AfterTheFlush()
    {
        await using var system = ActorSystem.Create("batch");
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new CountTo(3, received)));
        var batch = new DeliveryBatch();

        batch.Deliver(counter, 1, null);
        batch.Deliver(counter, 2, null);
        batch.Deliver(counter, 3, null);
        batch.Flush();

        Assert.Equal(3, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ARecipientThatIsNotALocalActor_IsToldAtOnce_WithoutAFlush()
    {
        await using var system = ActorSystem.Create("batch-promise");
        var asker = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reportsSender = system.ActorOf(Props.Create(() => new ReportsSender(asker)));
        var reply = reportsSender.Ask<string>("who asks?", TimeSpan.FromSeconds(10));
        var promise = await asker.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var batch = new DeliveryBatch();

        batch.Deliver(promise, "answered without a flush", null);

        Assert.Equal("answered without a flush", await reply.WaitAsync(TimeSpan.FromSeconds(10)));
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
                done.TrySetResult(_count);
            }
        }
    }

    private sealed class ReportsSender(TaskCompletionSource<IActorRef> sender) : ActorBase
    {
        protected override void OnReceive(object message) => sender.TrySetResult(Sender);
    }
}
