namespace ActorIpc.Cli.Benchmarks;

/// <summary>
/// One <c>actoripc bench NAME</c> program. A benchmark prints its figures and ends with a
/// single headline line <c>NAME: NUMBER UNIT</c> (written through <see cref="BenchContext.Headline"/>)
/// so that runs can be compared by a script.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The name used on the command line and in the headline line.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>
    /// The sockets a two-process benchmark can measure between its processes, the one it uses
    /// when <c>--transport</c> is left out first; empty for a benchmark that runs in one process
    /// (it ignores the option).
    /// </summary>
    IReadOnlyList<BenchTransport> Transports { get; }

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
