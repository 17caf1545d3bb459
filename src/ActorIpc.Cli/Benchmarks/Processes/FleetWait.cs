namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>Waits for a fleet's status to satisfy a condition, on its status changes.</summary>
internal static class FleetWait
{
    /// <summary>The first status, now or later, that <paramref name="condition"/> accepts.</summary>
    /// <exception cref="TimeoutException">None did within <paramref name="patience"/>; the message has the last status.</exception>
    public static async Task<FleetStatus> ForAsync(Fleet fleet, Func<FleetStatus, bool> condition, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await foreach (var status in fleet.WatchStatusAsync(timeout.Token).ConfigureAwait(false))
            {
                if (condition(status))
                {
                    return status;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below.
        }

        var replicas = fleet.Status.Replicas.Select(r => $"{r.Label} {r.State} (pid {r.ProcessId}) {r.Detail}");
        throw new TimeoutException($"the fleet did not get there within {patience.TotalSeconds:0} s; its replicas: {string.Join("; ", replicas)}");
    }
}
