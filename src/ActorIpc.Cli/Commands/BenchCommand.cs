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
        var transport = TransportOption.Create("The socket two-process benchmarks (remote-*, raw-socket) measure between their processes.");
        var command = new Command("bench", "Run a benchmark; it prints its figures and ends with a line 'NAME: NUMBER UNIT'.")
        {
            name,
            quick,
            transport,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new BenchContext(stdout, parse.GetValue(quick), TransportOption.Parse(parse.GetValue(transport)));
            return RunAsync(benchmarks, parse.GetValue(name), context, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks, string? name, BenchContext context, TextWriter stderr, CancellationToken cancellationToken)
    {
        var stdout = context.Output;
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

        context.Runtime();
        return await benchmark.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
