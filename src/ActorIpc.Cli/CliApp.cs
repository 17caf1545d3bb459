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

    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where the command's output goes.</param>
    /// <param name="stderr">Where its errors go.</param>
    /// <param name="controlDirectory">The directory of the fleets' control sockets; not given: this user's (tests give their own).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? controlDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("ActorIpc: the OS processes of a .NET application as one actor cluster.")
        {
            RunCommand.Create(controlDirectory, stdout, stderr),
            StatusCommand.Create(controlDirectory, stdout, stderr),
            LogsCommand.Create(controlDirectory, stdout, stderr),
            RestartCommand.Create(controlDirectory, stdout, stderr),
            StopCommand.Create(controlDirectory, stdout, stderr),
            InvokeCommand.Create(controlDirectory, stdout, stderr),
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

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parse.CommandResult.Command.Name == RunCommand.Name)
        {
            // run takes SIGINT and SIGTERM itself: stopping a fleet in order takes longer than the
            // grace System.CommandLine gives a cancelled command before it returns.
            invocation.ProcessTerminationTimeout = null;
        }

        return parse.Invoke(invocation);
    }
}
