using System.CommandLine;
using ActorIpc.Cli.Fleets;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc restart PROCESS [--name NAME]</c>: a rolling restart of a process's replicas.</summary>
internal static class RestartCommand
{
    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr)
    {
        var process = new Argument<string>("PROCESS")
        {
            Description = "The process of the topology to restart.",
        };
        return FleetClientCommand.Create(
            "restart",
            "Restart a process's replicas one at a time, each ready again before the next stops; returns when the last one is ready.",
            [process],
            controlDirectory,
            stderr,
            async (parse, client, token) =>
            {
                var restarted = parse.GetValue(process)!;
                var status = await client.RestartAsync(restarted, token).ConfigureAwait(false);
                stdout.WriteLine($"restarted {restarted}:");
                foreach (var replica in status.Replicas.Where(r => r.Name == restarted))
                {
                    stdout.WriteLine($"  {StatusText.StateLine(replica)} (restarts {replica.Restarts})");
                }
            });
    }
}
