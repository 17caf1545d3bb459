using System.Diagnostics;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks;

/// <summary>
/// <c>actoripc bench hocon</c>: how long parsing and resolving take for a 1 MB document with
/// substitutions and includes (the headline, median ms) and for a few-hundred-line configuration.
/// </summary>
internal sealed class HoconBenchmark : IBenchmark
{
    private const int LargeBytes = 1024 * 1024;

    public string Name => "hocon";

    public string Description => "Parse and resolve a 1 MB HOCON document (with includes and substitutions) and a 300-line one.";

    public IReadOnlyList<BenchTransport> Transports => [];

    public Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = Directory.CreateTempSubdirectory("actoripc-bench-hocon-");
        try
        {
            var mainPath = HoconBenchDocuments.WriteLarge(directory.FullName, LargeBytes);
            var bytes = directory.EnumerateFiles().Sum(f => f.Length);
            var small = HoconBenchDocuments.Small(services: 22);
            var smallLines = small.AsSpan().Count('\n');

            var (largeWarmup, largeRuns) = context.Quick ? (1, 3) : (15, 40);
            var (smallWarmup, smallRuns) = context.Quick ? (10, 50) : (2_000, 5_000);

            context.Output.WriteLine($"large document: {bytes / 1024.0:0} KiB in {directory.EnumerateFiles().Count()} files");
            var large = Measure(() => ConfigFactory.ParseFile(mainPath), largeWarmup, largeRuns, cancellationToken, collectBetweenRuns: true);
            context.Figure("1 MB parse+resolve, min", large.Min, "ms");
            context.Figure("1 MB parse+resolve, median", large.Median, "ms");
            context.Figure("1 MB parse+resolve, p90", large.Percentile(90), "ms");

            context.Output.WriteLine($"small document: {smallLines} lines, {small.Length / 1024.0:0.0} KiB");
            var smallTimings = Measure(() => ConfigFactory.ParseString(small), smallWarmup, smallRuns, cancellationToken);
            context.Figure($"{smallLines}-line parse+resolve, median", smallTimings.Median * 1000, "us");
            context.Figure($"{smallLines}-line parse+resolve, p90", smallTimings.Percentile(90) * 1000, "us");

            context.Headline(Name, large.Median, "ms");
            return Task.FromResult(CliApp.Ok);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Times <paramref name="runs"/> parses after <paramref name="warmup"/> untimed ones. With
    /// <paramref name="collectBetweenRuns"/>, each timed run starts from a collected heap (as
    /// BenchmarkDotNet does between iterations), so that the garbage of one 1 MB parse is not
    /// collected inside the next one's time.
    /// </summary>
    private static Timings Measure(Func<Config> parse, int warmup, int runs, CancellationToken cancellationToken, bool collectBetweenRuns = false)
    {
        for (var i = 0; i < warmup; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Consume(parse());
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (collectBetweenRuns)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var start = Stopwatch.GetTimestamp();
            Consume(parse());
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new Timings(samples);
    }

    // Reads one value so the parse cannot be skipped as dead code.
    private static void Consume(Config config)
    {
        if (config.IsEmpty)
        {
            throw new InvalidOperationException("The benchmark document parsed to an empty configuration.");
        }
    }
}
