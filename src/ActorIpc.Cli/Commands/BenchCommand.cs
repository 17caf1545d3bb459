using System.CommandLine;
using ActorIpc.Cli.Benchmarks;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc bench NAME</c>: run one benchmark, or list them.</summary>
internal static class BenchCommand
{
    public static Command Create(IReadOnlyList<IBenchmark> benchmarks, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = "The benchmark to run: " + string.Join(", ", benchmarks.Select(b => b.Name)) + ". Without a name, lists them.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var quick = new Option<bool>("--quick")
        {
            Description = "A short smoke pass with few iterations; its figures are not for comparison.",
        };
        var transport = TransportOption.Create(
            "The socket a two-process benchmark measures between its processes. raw-socket: unix (the default) or tcp. "
            + "remote-*, invoke, invoke-proxy, failover and cold-start: tcp only, the default (they measure Akka.Remote, which runs over TCP; Unix sockets come with the same-host lane).");
        var command = new Command("bench", "Run a benchmark; it prints its figures and ends with a line 'NAME: NUMBER UNIT'.")
        {
            name,
            quick,
            transport,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(benchmarks, parse.GetValue(name), parse.GetValue(quick), TransportOption.Parse(parse.GetValue(transport)), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks,
        string? name,
        bool quick,
        BenchTransport? transport,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (name is null)
        {
            foreach (var b in benchmarks)
            {
                stdout.WriteLine($"{b.Name,-20} {b.Description}");
            }

            return CliApp.Ok;
        }

        var benchmark = benchmarks.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal));
        if (benchmark is null)
        {
            stderr.WriteLine($"actoripc: no benchmark named '{name}'; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
            return CliApp.UsageError;
        }

        if (transport is { } refused && benchmark.Transports.Count > 0 && !benchmark.Transports.Contains(refused))
        {
            stderr.WriteLine(Refusal(benchmark, refused));
            return CliApp.UsageError;
        }

        var context = new BenchContext(stdout, quick, transport ?? benchmark.Transports.FirstOrDefault());
        context.Runtime();
        return await benchmark.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private static string Refusal(IBenchmark benchmark, BenchTransport transport)
    {
        var supported = string.Join(" or ", benchmark.Transports.Select(TransportOption.Format));
        var why = transport == BenchTransport.Unix
            ? "; it measures Akka.Remote, which runs over TCP. Unix domain sockets come with the same-host lane (ActorIpc.Lane), a later issue"
            : string.Empty;
        return $"actoripc: {benchmark.Name} runs over --transport {supported} only, not {TransportOption.Format(transport)}{why}";
    }
}
