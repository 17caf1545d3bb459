using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace ActorIpc.Cli.Benchmarks;

/// <summary>
/// Warms a benchmark up until the runtime has stopped compiling, so that what is measured is the
/// optimized code and not the JIT at work: .NET first runs a method unoptimized, then with
/// profiling probes, and compiles its optimized form on a background thread, which on two cores
/// takes processor time from the benchmark. A fixed warm-up of a second or two ended in the
/// middle of that on this machine, and the figures after it varied with how far it had got.
/// </summary>
internal static class WarmUp
{
    /// <summary>How long one warm-up round runs.</summary>
    public static readonly TimeSpan Round = TimeSpan.FromMilliseconds(500);

    /// <summary>The warm-up gives up waiting for a quiet JIT after this many rounds (20 s), and says so.</summary>
    public const int MaxRounds = 40;

    /// <summary>A round in which each process compiled at most this many methods is quiet.</summary>
    public const int QuietMethods = 2;

    /// <summary>
    /// Runs <paramref name="round"/> (given how long to run) until a round, the second or later,
    /// in which this process and, when <paramref name="remoteCompiled"/> is given, the other
    /// process compiled at most <see cref="QuietMethods"/> methods each; at most
    /// <see cref="MaxRounds"/> rounds. A quick pass runs one short round and prints nothing. Prints one line saying
    /// how long it took and whether the JIT went quiet.
    /// </summary>
    /// <param name="context">Where the line is printed; whether this is a quick pass.</param>
    /// <param name="round">One round of the benchmark's own work.</param>
    /// <param name="remoteCompiled">How many methods the other process has compiled so far; null for a one-process benchmark.</param>
    /// <param name="cancellationToken">Stops the warm-up.</param>
    /// <param name="localCompiled">How many methods this process has compiled so far; <see cref="Compiled"/> unless a test counts.</param>
    /// <returns>The rounds run.</returns>
    public static async Task<int> RunAsync(
        BenchContext context,
        Func<TimeSpan, Task> round,
        Func<Task<long>>? remoteCompiled,
        CancellationToken cancellationToken,
        Func<long>? localCompiled = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(round);
        if (context.Quick)
        {
            // One short round; the counts are read once, so that a smoke test covers them.
            await round(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
            (localCompiled ?? Compiled)();
            await RemoteAsync(remoteCompiled).ConfigureAwait(false);
            return 1;
        }

        localCompiled ??= Compiled;
        var started = Stopwatch.GetTimestamp();
        var (local, remote) = (localCompiled(), await RemoteAsync(remoteCompiled).ConfigureAwait(false));
        var rounds = 0;
        var quiet = false;
        while (!quiet && rounds < MaxRounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await round(Round).ConfigureAwait(false);
            rounds++;
            var (nowLocal, nowRemote) = (localCompiled(), await RemoteAsync(remoteCompiled).ConfigureAwait(false));
            quiet = rounds >= 2 && IsQuiet(nowLocal - local, nowRemote - remote);
            (local, remote) = (nowLocal, nowRemote);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var where = remoteCompiled is null ? string.Empty : " in both processes";
        context.Output.WriteLine(quiet
            ? $"warm-up: {rounds} rounds, {seconds} s, until the JIT was quiet{where}"
            : $"warm-up: stopped after {rounds} rounds, {seconds} s, with the JIT still compiling; the figures may be low");
        return rounds;
    }

    /// <summary>Whether a round that compiled these many methods here and in the other process is quiet.</summary>
    public static bool IsQuiet(long compiledHere, long compiledThere) =>
        compiledHere <= QuietMethods && compiledThere <= QuietMethods;

    /// <summary>Methods this process has compiled so far, at every tier.</summary>
    public static long Compiled() => JitInfo.GetCompiledMethodCount(currentThread: false);

    private static async Task<long> RemoteAsync(Func<Task<long>>? remoteCompiled) =>
        remoteCompiled is null ? 0 : await remoteCompiled().ConfigureAwait(false);
}
