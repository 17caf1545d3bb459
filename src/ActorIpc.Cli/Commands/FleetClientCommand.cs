using System.CommandLine;

namespace ActorIpc.Cli.Commands;

/// <summary>
/// What the commands that talk to a running fleet share: the <c>--name</c> option, the client of the
/// fleet it names (without it, the one fleet running), and how a failed request is told.
/// </summary>
internal static class FleetClientCommand
{
    /// <summary>The <c>--name</c> option.</summary>
    public static Option<string?> NameOption(string description) => new("--name")
    {
        Description = description,
    };

    /// <summary>
    /// A command with <paramref name="symbols"/> and <c>--name</c> whose action runs
    /// <paramref name="request"/> against the fleet's client, within <paramref name="timeout"/> when given.
    /// </summary>
    public static Command Create(
        string name,
        string description,
        IEnumerable<Symbol> symbols,
        string? controlDirectory,
        TextWriter stderr,
        Func<ParseResult, FleetControlClient, CancellationToken, Task> request,
        TimeSpan? timeout = null)
    {
        var fleet = NameOption("The fleet's name. Default: the one fleet running.");
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException($"a {symbol.GetType().Name} is not an argument or an option", nameof(symbols));
            }
        }

        command.Options.Add(fleet);
        command.SetAction((parse, cancellationToken) => Client(parse.GetValue(fleet), controlDirectory, stderr) is { } client
            ? RequestAsync(client, token => request(parse, client, token), stderr, timeout, cancellationToken)
            : Task.FromResult(CliApp.InvalidInput));
        return command;
    }

    /// <summary>The client of the fleet named, or of the only one running; <see langword="null"/> after saying why there is none.</summary>
    private static FleetControlClient? Client(string? name, string? directory, TextWriter stderr)
    {
        try
        {
            if (name is not null)
            {
                return new FleetControlClient(name, directory);
            }

            var running = FleetControlClient.FindRunning(directory);
            switch (running.Count)
            {
                case 1:
                    return new FleetControlClient(running[0], directory);
                case 0:
                    stderr.WriteLine($"actoripc: no fleet is running (no control socket answers in {directory ?? FleetControlClient.DefaultDirectory})");
                    return null;
                default:
                    stderr.WriteLine($"actoripc: {running.Count} fleets are running ({string.Join(", ", running)}): name one with --name");
                    return null;
            }
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"actoripc: {e.Message}");
            return null;
        }
    }

    /// <summary>Runs the request, telling its failure on standard error (no such fleet, a refusal, a failure, no answer in time); returns the exit code.</summary>
    private static async Task<int> RequestAsync(FleetControlClient client, Func<CancellationToken, Task> request, TextWriter stderr, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } time)
        {
            limit.CancelAfter(time);
        }

        try
        {
            await request(limit.Token).ConfigureAwait(false);
            return CliApp.Ok;
        }
        catch (FleetControlException e)
        {
            stderr.WriteLine($"actoripc: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine($"actoripc: the fleet {client.Name} did not answer within {timeout!.Value.TotalSeconds:0} s (its socket {client.SocketPath})");
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the user has seen enough (the end of `logs -f`).
            return CliApp.Ok;
        }

        return CliApp.InvalidInput;
    }
}
