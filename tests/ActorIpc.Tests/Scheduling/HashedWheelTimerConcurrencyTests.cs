using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>Many threads scheduling and cancelling at once: each entry fires exactly once unless a cancel won.</summary>
public sealed class HashedWheelTimerConcurrencyTests
{
    private const int Threads = 4;
    private const int EntriesPerThread = 100_000;

    [Fact]
    public async Task Schedule_ManyThreadsScheduleAndCancel_EveryLiveEntryFiresExactlyOnce()
    {
        var errors = 0;
        using var wheel = new HashedWheelTimer(TimeSpan.FromMilliseconds(1), 256, _ => Interlocked.Increment(ref errors));
        var fired = 0;
        var expected = long.MaxValue;
        var allFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcomes = RunProducers(
            wheel,
            _ =>
            {
                if (Interlocked.Increment(ref fired) == Volatile.Read(ref expected))
                {
                    allFired.TrySetResult();
                }
            },
            whileRunning: null);

        var cancelled = outcomes.Sum(perThread => perThread.Count(outcome => outcome.CancelWon));
        Volatile.Write(ref expected, (long)Threads * EntriesPerThread - cancelled);

        // The last expiry may have happened before expected was known.
        if (Volatile.Read(ref fired) == Volatile.Read(ref expected))
        {
            allFired.TrySetResult();
        }

        await allFired.Task.WaitAsync(TimeSpan.FromSeconds(30));

        AssertOutcomes(outcomes);
        Assert.Empty(wheel.Stop());
        Assert.Equal(0, errors);
    }

    [Fact]
    public void Schedule_ManyThreadsWhileManualClockAdvances_EveryLiveEntryFiresExactlyOnce()
    {
        using var wheel = new HashedWheelTimer(TimeSpan.FromMilliseconds(1), 256, _ => { }, manualClock: true);

        // The test thread is the wheel thread here: it ticks while the producers run.
        var outcomes = RunProducers(wheel, _ => { }, () => wheel.AdvanceTicks(1));
        wheel.AdvanceTicks(1_000);

        AssertOutcomes(outcomes);
        Assert.Equal(0, wheel.PendingCount);
        Assert.Equal(0, wheel.BucketedCount);
    }

    private static List<Outcome>[] RunProducers(HashedWheelTimer wheel, Action<RecordingEntry> onExpire, Action? whileRunning)
    {
        var outcomes = new List<Outcome>[Threads];
        using var start = new Barrier(Threads);
        var producers = Enumerable.Range(0, Threads).Select(index => new Thread(() =>
        {
            var mine = new List<Outcome>(EntriesPerThread);
            start.SignalAndWait();
            for (var i = 0; i < EntriesPerThread; i++)
            {
                var entry = new RecordingEntry(onExpire);
                wheel.Schedule(entry, TimeSpan.FromMilliseconds(i % 50));
                mine.Add(new Outcome(entry, i % 4 == 0 && entry.Cancel()));

                // Cancel an older entry too: by now it may be pending, in a bucket or fired.
                if (i % 4 == 1 && i >= 1_000)
                {
                    var older = mine[i - 1_000];
                    if (!older.CancelWon && older.Entry.Cancel())
                    {
                        mine[i - 1_000] = older with { CancelWon = true };
                    }
                }
            }

            outcomes[index] = mine;
        })).ToList();

        producers.ForEach(thread => thread.Start());
        while (whileRunning is not null && producers.Exists(thread => thread.IsAlive))
        {
            whileRunning();
        }

        producers.ForEach(thread => thread.Join());
        return outcomes;
    }

    private static void AssertOutcomes(List<Outcome>[] outcomes)
    {
        var wrong = outcomes
            .SelectMany(perThread => perThread)
            .Where(outcome => outcome.Entry.FireCount != (outcome.CancelWon ? 0 : 1))
            .Take(5)
            .Select(outcome => $"cancelWon={outcome.CancelWon} fired={outcome.Entry.FireCount}")
            .ToList();
        Assert.Empty(wrong);
        Assert.True(outcomes.Sum(perThread => perThread.Count(outcome => outcome.CancelWon)) > 0);
    }

    private sealed record Outcome(RecordingEntry Entry, bool CancelWon);
}
