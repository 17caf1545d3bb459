namespace ActorIpc.Tests.Processes;

public sealed class FollowersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FollowAsync_TheFirstItemsThenEveryPublishedOneThatPassesTheFilter()
    {
        var followers = new Followers<int>(100);
        using var cancel = new CancellationTokenSource(Patience);
        var seen = new List<int>();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reading = Task.Run(async () =>
        {
            await foreach (var item in followers.FollowAsync(i => i % 2 == 0, () => { subscribed.SetResult(); return [0]; }, cancel.Token))
            {
                seen.Add(item);
                if (item == 6)
                {
                    return;
                }
            }
        });
        await subscribed.Task.WaitAsync(Patience);
        foreach (var i in Enumerable.Range(1, 6))
        {
            followers.Publish(i);
        }

        await reading.WaitAsync(Patience);
        Assert.Equal([0, 2, 4, 6], seen);
    }

    [Fact]
    public async Task FollowAsync_ASlowReader_LosesTheOldestItems()
    {
        var followers = new Followers<int>(2);
        using var cancel = new CancellationTokenSource(Patience);
        await using var reader = followers.FollowAsync(null, null, cancel.Token).GetAsyncEnumerator(cancel.Token);

        // The first read subscribes; once it has its item the reader is busy with it, not reading.
        var first = reader.MoveNextAsync();
        followers.Publish(1);
        Assert.True(await first);
        foreach (var i in Enumerable.Range(2, 5))
        {
            followers.Publish(i);
        }

        var read = new List<int> { reader.Current };
        while (read.Count < 3 && await reader.MoveNextAsync())
        {
            read.Add(reader.Current);
        }

        Assert.Equal([1, 5, 6], read);
    }
}
