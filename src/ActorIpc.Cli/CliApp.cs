using System.CommandLine;
using ActorIpc.Cli.Benchmarks;
using ActorIpc.Cli.Commands;

namespace ActorIpc.Cli;

/// <summary>
/// Builds the <c>actoripc</c> command tree and runs it against explicit output writers,
/// so tests can run the command in-process and read what it prints.
/// </summary>
internal static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the input (a file, a configuration) is invalid.</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code when the command line itself is wrong.</summary>
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("ActorIpc: the OS processes of a .NET application as one actor cluster.")
        {
            ConfigCommand.Create(stdout, stderr),
            BenchCommand.Create(BenchmarkCatalog.All, stdout, stderr),
            BenchNodeCommand.Create(stdout, stderr),
            BenchWorkerCommand.Create(stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"actoripc: {error.Message}");
            }

            stderr.WriteLine("Run 'actoripc --help' for usage.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
