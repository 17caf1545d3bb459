using ActorIpc.Remote.Endpoints;

namespace ActorIpc.Remote.Tests.Endpoints;

public sealed class OutboundQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void UserMessages_AreBoundedByTheCapacity_ControlItemsAreNot()
    {
        var queue = new OutboundQueue(capacity: 2);

        Assert.True(queue.TryWriteUser(OutboundItem.Heartbeat()));
        Assert.True(queue.TryWriteUser(OutboundItem.Heartbeat()));
        Assert.False(queue.TryWriteUser(OutboundItem.Heartbeat()));
        queue.WriteControl(OutboundItem.SystemMessages());

        var kinds = new List<OutboundKind>();
        while (queue.TryRead(out var item))
        {
            kinds.Add(item.Kind);
        }

        Assert.Equal([OutboundKind.Heartbeat, OutboundKind.Heartbeat, OutboundKind.System], kinds);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void ReadingGivesCapacityBack()
    {
        var queue = new OutboundQueue(capacity: 1);
        Assert.True(queue.TryWriteUser(OutboundItem.Heartbeat()));
        Assert.False(queue.TryWriteUser(OutboundItem.Heartbeat()));

        Assert.True(queue.TryRead(out _));
        Assert.False(queue.TryRead(out _));

        Assert.Equal(0, queue.Count);
        Assert.True(queue.TryWriteUser(OutboundItem.Heartbeat()));
    }

    [Fact]
    public async Task AWaitingReader_IsWokenByAWrite()
    {
        var queue = new OutboundQueue(capacity: 10);
        var wait = queue.WaitToReadAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        queue.WriteControl(OutboundItem.Heartbeat());

        await wait.AsTask().WaitAsync(Patience);
        Assert.True(queue.TryRead(out var item));
        Assert.Equal(OutboundKind.Heartbeat, item.Kind);
    }

    [Fact]
    public void AWaitWithSomethingQueued_CompletesAtOnce()
    {
        var queue = new OutboundQueue(capacity: 10);
        queue.WriteControl(OutboundItem.Heartbeat());

        Assert.True(queue.WaitToReadAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AWaitingReader_IsWokenByTheCancellationItRegistered()
    {
        var queue = new OutboundQueue(capacity: 10);
        using var cancel = new CancellationTokenSource();
        using var registration = cancel.Token.UnsafeRegister(static q => ((OutboundQueue)q!).WakeReader(), queue);
        var wait = queue.WaitToReadAsync(cancel.Token);
        Assert.False(wait.IsCompleted);

        await cancel.CancelAsync();

        await wait.AsTask().WaitAsync(Patience);
        Assert.True(queue.IsEmpty);
        Assert.True(queue.WaitToReadAsync(cancel.Token).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ManyWriters_OneReader_EveryItemArrivesOnce()
    {
        const int Writers = 4;
        const int PerWriter = 20_000;
        var queue = new OutboundQueue(capacity: Writers * PerWriter);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                Assert.True(queue.TryWriteUser(OutboundItem.Heartbeat()));
            }
        })).ToArray();

        var read = 0;
        while (read < Writers * PerWriter)
        {
            await queue.WaitToReadAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
            while (queue.TryRead(out _))
            {
                read++;
            }
        }

        await Task.WhenAll(writers);
        Assert.Equal(Writers * PerWriter, read);
        Assert.False(queue.TryRead(out _));
    }
}
