namespace ActorIpc.Cli.Fleets;

/// <summary>
/// <c>actoripc run</c> without a terminal: a line on standard output at each change of a replica's
/// state or process (<c>worker#0 pid 1234 Ready</c>), and each line a child prints on standard error,
/// prefixed as the fleet prefixes it; no ANSI. The supervisor's notes reach standard error through
/// the node's log.
/// </summary>
internal sealed class PlainFleetView(Fleet fleet, TextWriter stdout, TextWriter stderr)
{
    private readonly Dictionary<(string Name, int Replica), (ReplicaState State, int? ProcessId)> _shown = [];

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(ShowStatesAsync(cancellationToken), ShowOutputAsync(cancellationToken));

    /// <summary>Shows the changes that the last statuses seen did not (a reader that falls behind gets the latest status only).</summary>
    public void Flush() => Show(fleet.Status);

    private async Task ShowStatesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var status in fleet.WatchStatusAsync(cancellationToken).ConfigureAwait(false))
            {
                Show(status);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ShowOutputAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in fleet.FollowLogsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (line.Source != LogSource.Supervisor)
                {
                    stderr.WriteLine(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The order of the changes one status shows together (a reader that fell behind sees several
    /// at once): first the ends, by when each process ended, then the others in the order they follow
    /// one another (ready, starting, asked to stop). In an ordered stop a process has ended before the
    /// next one is asked to stop; in a rolling restart a replica is ready before the next stops.
    /// </summary>
    private static int Rank(ReplicaState state) => state switch
    {
        ReplicaState.Stopped or ReplicaState.BackingOff or ReplicaState.Failed => 0,
        ReplicaState.Ready => 1,
        ReplicaState.Starting => 2,
        _ => 3,
    };

    private void Show(FleetStatus status)
    {
        lock (_shown)
        {
            var changed = status.Replicas
                .Where(replica =>
                {
                    // Replicas start out stopped without a process: only what changes from there is
                    // news. A starting replica without a process is about to be spawned: its process
                    // id comes with the next status.
                    var before = _shown.TryGetValue((replica.Name, replica.Replica), out var shown) ? shown : (ReplicaState.Stopped, null);
                    return (replica.State, replica.ProcessId) != before && replica is not { State: ReplicaState.Starting, ProcessId: null };
                })
                .OrderBy(replica => Rank(replica.State))
                .ThenBy(replica => Rank(replica.State) == 0 ? replica.LastExit?.At ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue)
                .ToArray();
            foreach (var replica in changed)
            {
                _shown[(replica.Name, replica.Replica)] = (replica.State, replica.ProcessId);
                stdout.WriteLine(StatusText.StateLine(replica));
            }
        }
    }
}
