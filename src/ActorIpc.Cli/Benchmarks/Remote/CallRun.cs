using System.Diagnostics;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>Measured calls (Asks, invocations): their latencies in <see cref="Stopwatch"/> ticks, and what this process spent on them.</summary>
/// <param name="Elapsed">How long the callers ran.</param>
/// <param name="LatencyTicks">Each call's latency, first send to reply handled.</param>
/// <param name="Allocated">The bytes this process allocated meanwhile (the latency records included: 8 bytes a call and list growth, small beside a call's own).</param>
/// <param name="WorkItems">The thread-pool work items this process ran meanwhile.</param>
/// <param name="NodeAllocated">The bytes the node process allocated meanwhile, where it was read (<see cref="CallComparison"/>); 0 where not.</param>
internal sealed record CallRun(TimeSpan Elapsed, List<long> LatencyTicks, long Allocated, long WorkItems, long NodeAllocated = 0)
{
    public int Calls => LatencyTicks.Count;

    public double Rate => Calls / Elapsed.TotalSeconds;

    public Timings Latencies => Timings.FromTicks(LatencyTicks);

    public double AllocatedPerCall => Allocated / (double)Calls;

    public double NodeAllocatedPerCall => NodeAllocated / (double)Calls;

    public double WorkItemsPerCall => WorkItems / (double)Calls;

    /// <summary>Two runs as one: their times, calls and costs added up.</summary>
    public CallRun Add(CallRun other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Elapsed + other.Elapsed,
            [.. LatencyTicks, .. other.LatencyTicks],
            Allocated + other.Allocated,
            WorkItems + other.WorkItems,
            NodeAllocated + other.NodeAllocated);
    }
}
