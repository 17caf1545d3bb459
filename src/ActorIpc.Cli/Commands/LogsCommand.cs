using System.CommandLine;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc logs [PROCESS] [-n N] [-f] [--replica R] [--name NAME]</c>: the replicas' last lines, and new ones.</summary>
internal static class LogsCommand
{
    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr)
    {
        var process = new Argument<string?>("PROCESS")
        {
            Description = "The process of the topology whose replicas' lines to show. Default: every process's.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var lines = new Option<int>("--lines", "-n")
        {
            Description = "How many of each replica's last lines to show.",
            DefaultValueFactory = _ => 20,
        };
        lines.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--lines is 0 or more");
            }
        });
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Go on showing each new line, until Ctrl-C or the fleet stops.",
        };
        var replica = new Option<int?>("--replica")
        {
            Description = "Show only this replica's lines (its index, from 0).",
        };
        return FleetClientCommand.Create(
            "logs",
            "Show the last lines the replicas printed (standard output and error, and the supervisor's notes), prefixed with replica and pid.",
            [process, lines, follow, replica],
            controlDirectory,
            stderr,
            async (parse, client, token) =>
            {
                var read = client.GetLogsAsync(parse.GetValue(process), parse.GetValue(replica), parse.GetValue(lines), parse.GetValue(follow), token);
                await foreach (var line in read.ConfigureAwait(false))
                {
                    stdout.WriteLine(line);
                }
            });
    }
}
