namespace ActorIpc.Tests.Processes;

public sealed class LogRingTests
{
    [Fact]
    public void Last_FewerLinesThanTheCapacity_AllOldestFirst()
    {
        var ring = new LogRing(5);
        Add(ring, "a", "b", "c");

        Assert.Equal(["a", "b", "c"], Texts(ring.Last(10)));
        Assert.Equal(["b", "c"], Texts(ring.Last(2)));
        Assert.Empty(ring.Last(0));
    }

    [Fact]
    public void Last_MoreLinesThanTheCapacity_TheOldestAreDropped()
    {
        var ring = new LogRing(3);
        Add(ring, "1", "2", "3", "4", "5", "6", "7");

        Assert.Equal(["5", "6", "7"], Texts(ring.Last(3)));
        Assert.Equal(["6", "7"], Texts(ring.Last(2)));
    }

    [Fact]
    public void Add_NoCapacity_KeepsNothing()
    {
        var ring = new LogRing(0);
        Add(ring, "a");

        Assert.Empty(ring.Last(5));
    }

    [Fact]
    public async Task Add_FromManyThreads_KeepsTheLastLinesOfEach()
    {
        var ring = new LogRing(1000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() => Add(ring, [.. Enumerable.Range(0, 1000).Select(i => $"{t}:{i}")]))));

        var last = ring.Last(1000);
        Assert.Equal(1000, last.Length);
        Assert.Equal(1000, last.Select(l => l.Text).Distinct().Count());
    }

    private static void Add(LogRing ring, params string[] texts)
    {
        foreach (var text in texts)
        {
            ring.Add(new ProcessLogLine("w", 0, 1, DateTimeOffset.UtcNow, LogSource.StandardOutput, text));
        }
    }

    private static string[] Texts(ProcessLogLine[] lines) => [.. lines.Select(l => l.Text)];
}
