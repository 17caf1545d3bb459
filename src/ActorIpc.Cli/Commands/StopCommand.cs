using System.CommandLine;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc stop [--name NAME]</c>: stop a running fleet in order, and its process.</summary>
internal static class StopCommand
{
    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr) =>
        FleetClientCommand.Create(
            "stop",
            "Stop a running fleet in order (the last declared process first) and the process that runs it; returns when that process has stopped.",
            [],
            controlDirectory,
            stderr,
            async (_, client, token) =>
            {
                await client.StopAsync(token).ConfigureAwait(false);
                stdout.WriteLine($"fleet {client.Name} stopped");
            });
}
