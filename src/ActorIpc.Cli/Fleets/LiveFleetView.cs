using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorIpc.Cli.Fleets;

/// <summary>
/// <c>actoripc run</c> at a terminal: the status table redrawn in place (Spectre.Console's live
/// display) twice a second, and under it the last lines the replicas and the node logged.
/// </summary>
internal sealed class LiveFleetView(Fleet fleet, string name, string socketPath, RecentLines recent)
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private string _state = "starting";

    /// <summary>What the fleet is doing, shown over the table: starting, ready, stopping.</summary>
    public void Say(string state) => Volatile.Write(ref _state, state);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var follow = FollowAsync(cancellationToken);
        await AnsiConsole.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            using var timer = new PeriodicTimer(Period);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    context.UpdateTarget(Render());
                }
            }
            catch (OperationCanceledException)
            {
            }

            // The last picture stays on the screen: every replica as it ended.
            context.UpdateTarget(Render());
        }).ConfigureAwait(false);
        await follow.ConfigureAwait(false);
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in fleet.FollowLogsAsync(last: 10, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                recent.Add(line.ToString());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private IRenderable Render()
    {
        var header = new Markup($"[bold]fleet {Markup.Escape(name)}[/] {Markup.Escape(Volatile.Read(ref _state))}  [grey]control socket {Markup.Escape(socketPath)}; Ctrl-C stops[/]");
        // One screen line per entry (the first line of a stack trace is enough here): the table stays in view.
        var width = Math.Max(20, AnsiConsole.Profile.Width - 4);
        var lines = recent.Snapshot().Select(line => line.Split('\n')[0].TrimEnd()).Select(line => line.Length <= width ? line : line[..(width - 1)] + "…").ToArray();
        var log = new Panel(new Text(lines.Length == 0 ? "(nothing yet)" : string.Join('\n', lines)))
            .Header("last lines")
            .Border(BoxBorder.Rounded)
            .Expand();
        return new Rows(header, StatusTable.ToRenderable(fleet.Status), log);
    }
}
