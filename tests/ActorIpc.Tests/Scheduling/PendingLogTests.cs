using System.Runtime.CompilerServices;
using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

public sealed class PendingLogTests
{
    [Fact]
    public void TryTake_AcrossSegments_ReturnsEveryEntryOnce()
    {
        // Order holds within a processor's stripe only; a thread that moves to another core
        // appends to another stripe, so the test compares contents.
        var log = new PendingLog();
        var entries = Enumerable.Range(0, 3000).Select(_ => new RecordingEntry()).ToArray();
        foreach (var entry in entries)
        {
            log.Append(entry);
        }

        Assert.Equal(3000, log.Count);
        var taken = new List<TimerEntry>();
        while (log.TryTake(out var entry))
        {
            taken.Add(entry);
        }

        Assert.Equal(entries.Length, taken.Count);
        Assert.Equal(entries.ToHashSet(ReferenceEqualityComparer.Instance), taken.ToHashSet(ReferenceEqualityComparer.Instance));
        Assert.True(log.IsEmpty);
    }

    [Fact]
    public void Forget_SkipsTheEntry()
    {
        var log = new PendingLog();
        var first = new RecordingEntry();
        var second = new RecordingEntry();
        log.Append(first);
        log.Append(second);

        PendingLog.Forget(first);

        Assert.True(log.TryTake(out var taken));
        Assert.Same(second, taken);
        Assert.False(log.TryTake(out _));
    }

    [Fact]
    public void Forget_LogNoLongerKeepsTheEntryAlive()
    {
        var log = new PendingLog();
        var weak = AppendAndForget(log);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.TryGetTarget(out _));
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Append_ManyThreads_EveryEntryTakenOnce()
    {
        var log = new PendingLog();
        const int PerThread = 50_000;
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                log.Append(new RecordingEntry());
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        var seen = new HashSet<TimerEntry>(ReferenceEqualityComparer.Instance);
        while (log.TryTake(out var entry))
        {
            Assert.True(seen.Add(entry));
        }

        Assert.Equal(4 * PerThread, seen.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<TimerEntry> AppendAndForget(PendingLog log)
    {
        var entry = new RecordingEntry();
        log.Append(entry);
        PendingLog.Forget(entry);
        return new WeakReference<TimerEntry>(entry);
    }
}
