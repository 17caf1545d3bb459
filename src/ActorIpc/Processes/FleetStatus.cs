namespace ActorIpc;

/// <summary>
/// Every replica of a fleet at one moment (<see cref="Fleet.Status"/>, and each change through
/// <see cref="Fleet.WatchStatusAsync"/>): what a status table shows.
/// </summary>
/// <param name="At">When the supervisor made it.</param>
/// <param name="Replicas">The replicas, by process in the topology's order, then by index.</param>
/// <param name="KillsWithParent">
/// Whether children are started under <c>setpriv --pdeathsig KILL</c>, which has the kernel kill
/// them when the parent dies; when not (turned off, or setpriv absent, as the log says), ActorIpc
/// children still end when their standard input closes with the parent.
/// </param>
public sealed record FleetStatus(DateTimeOffset At, IReadOnlyList<ReplicaStatus> Replicas, bool KillsWithParent)
{
    /// <summary>The status of replica <paramref name="replica"/> of <paramref name="name"/>, or <see langword="null"/> if the topology has none.</summary>
    /// <param name="name">The process's name.</param>
    /// <param name="replica">The replica's index.</param>
    /// <returns>The replica's status.</returns>
    public ReplicaStatus? Find(string name, int replica) =>
        Replicas.FirstOrDefault(r => r.Replica == replica && string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Whether every replica is ready.</summary>
    public bool AllReady => Replicas.All(r => r.State == ReplicaState.Ready);

    /// <summary>
    /// The status as JSON, as the fleet's control socket carries it and <c>actoripc status --json</c>
    /// prints it: camelCase properties, states by name, addresses as text, absent values left out.
    /// </summary>
    /// <returns>One line of JSON.</returns>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ControlJson.Options);
}
