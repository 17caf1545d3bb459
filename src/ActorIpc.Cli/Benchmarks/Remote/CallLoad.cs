using System.Diagnostics;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Keeps a number of calls in flight for a while: that many callers, each making its next call
/// as soon as the reply to its last one has arrived. Shared by the benchmarks that compare ways of
/// calling an actor in another process, so that each way is driven alike.
/// </summary>
internal static class CallLoad
{
    /// <summary>
    /// <paramref name="inFlight"/> callers call until <paramref name="duration"/> is over: how many
    /// calls, in what time, each one's latency, the bytes this process allocated and the
    /// thread-pool work items it ran.
    /// </summary>
    /// <param name="call">Makes one call; completes with its reply.</param>
    /// <param name="inFlight">How many callers.</param>
    /// <param name="duration">How long they call.</param>
    /// <param name="cancellationToken">Stops the callers from starting.</param>
    public static async Task<CallRun> RunAsync(Func<Task> call, int inFlight, TimeSpan duration, CancellationToken cancellationToken)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var callers = new Task<List<long>>[inFlight];
        for (var i = 0; i < inFlight; i++)
        {
            callers[i] = Task.Run(() => CallerAsync(call, deadline), cancellationToken);
        }

        var perCaller = await Task.WhenAll(callers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        return new CallRun(elapsed, [.. perCaller.SelectMany(l => l)], allocated, workItems);
    }

    private static async Task<List<long>> CallerAsync(Func<Task> call, long deadline)
    {
        var latencies = new List<long>(4096);
        long now;
        while ((now = Stopwatch.GetTimestamp()) < deadline)
        {
            await call().ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            latencies.Add(end - now);
        }

        return latencies;
    }
}
