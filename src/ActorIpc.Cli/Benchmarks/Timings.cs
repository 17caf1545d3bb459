namespace ActorIpc.Cli.Benchmarks;

/// <summary>Order statistics over a set of measured durations, in milliseconds (or of counts measured in rounds).</summary>
internal sealed class Timings
{
    private readonly double[] _sorted;

    public Timings(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        _sorted = [.. milliseconds.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("At least one measurement is needed.", nameof(milliseconds));
        }
    }

    /// <summary>Timings from durations in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public static Timings FromTicks(IEnumerable<long> ticks) =>
        new(ticks.Select(t => t * 1000.0 / System.Diagnostics.Stopwatch.Frequency));

    public double Min => _sorted[0];

    public double Median => Percentile(50);

    public double Max => _sorted[^1];

    /// <summary>The nearest-rank percentile (0 &lt; p &lt;= 100).</summary>
    public double Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
