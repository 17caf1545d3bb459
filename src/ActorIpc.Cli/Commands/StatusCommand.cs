using System.CommandLine;
using ActorIpc.Cli.Fleets;
using Spectre.Console;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc status [--name NAME] [--json]</c>: a running fleet's status table, once.</summary>
internal static class StatusCommand
{
    /// <summary>How long the fleet has to answer: it answers at once unless its process hangs.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print the status as one line of JSON, for scripts.",
        };
        return FleetClientCommand.Create(
            "status",
            "Show a running fleet's replicas: process, state, restarts, uptime, memory, calls per second.",
            [json],
            controlDirectory,
            stderr,
            async (parse, client, token) =>
            {
                var status = await client.GetStatusAsync(token).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    stdout.WriteLine(status.ToJson());
                }
                else if (Terminal.IsInteractive(stdout))
                {
                    AnsiConsole.Write(StatusTable.ToRenderable(status));
                }
                else
                {
                    StatusTable.WritePlain(stdout, status);
                }
            },
            AnswerTimeout);
    }
}
