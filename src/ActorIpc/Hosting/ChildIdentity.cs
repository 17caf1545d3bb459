using System.Globalization;

namespace ActorIpc.Hosting;

/// <summary>
/// Who a supervised process is, as its parent's fleet hands it over in the environment: the
/// process's name in the topology, its replica index and its cluster roles. The fleet writes
/// these variables (<see cref="ToEnvironment"/>) and the node's bootstrap reads them
/// (<see cref="FromEnvironment"/>): one place for both sides of the contract. The seed travels in
/// <c>ACTORIPC_SEED</c>, which <c>actoripc.node.seed</c> reads.
/// </summary>
/// <param name="Process">The process's name (<c>actoripc.processes.NAME</c>).</param>
/// <param name="Replica">The replica's index, from 0.</param>
/// <param name="Roles">The cluster roles the topology gives it; empty: the node's own <c>actoripc.node.roles</c>.</param>
internal sealed record ChildIdentity(string Process, int Replica, IReadOnlyList<string> Roles)
{
    /// <summary>The seed's address, read by <c>actoripc.node.seed = ${?ACTORIPC_SEED}</c>.</summary>
    public const string SeedVariable = "ACTORIPC_SEED";

    /// <summary>The process's name; its presence is what makes a node supervised.</summary>
    public const string ProcessVariable = "ACTORIPC_PROCESS";

    /// <summary>The replica's index.</summary>
    public const string ReplicaVariable = "ACTORIPC_REPLICA";

    /// <summary>The roles, separated by commas; they replace <c>actoripc.node.roles</c>.</summary>
    public const string RolesVariable = "ACTORIPC_ROLES";

    /// <summary>The cluster's secret, read by <c>actoripc.node.secret = ${?ACTORIPC_SECRET}</c>.</summary>
    public const string SecretVariable = "ACTORIPC_SECRET";

    /// <summary>The variables a fleet sets; a topology's <c>environment</c> cannot set them.</summary>
    public static IReadOnlyList<string> Variables { get; } = [SeedVariable, ProcessVariable, ReplicaVariable, RolesVariable, SecretVariable];

    /// <summary>
    /// The identity in <paramref name="environment"/>, or <see langword="null"/> when the process was
    /// not started by a fleet (<c>ACTORIPC_PROCESS</c> unset or empty).
    /// </summary>
    /// <exception cref="FormatException"><c>ACTORIPC_REPLICA</c> is not a number.</exception>
    public static ChildIdentity? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var process = environment(ProcessVariable);
        if (string.IsNullOrWhiteSpace(process))
        {
            return null;
        }

        var replicaText = environment(ReplicaVariable);
        var replica = 0;
        if (!string.IsNullOrWhiteSpace(replicaText) && (!int.TryParse(replicaText, NumberStyles.None, CultureInfo.InvariantCulture, out replica)))
        {
            throw new FormatException($"{ReplicaVariable}='{replicaText}' is not a replica index (a number from 0)");
        }

        var roles = environment(RolesVariable) is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new ChildIdentity(process, replica, roles);
    }

    /// <summary>The identity of this process, from its own environment.</summary>
    public static ChildIdentity? Current() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The variables a child is started with, the seed's address and the cluster's secret (when it has one) included.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment(string seed, string secret = "")
    {
        yield return new(SeedVariable, seed);
        if (secret.Length > 0)
        {
            yield return new(SecretVariable, secret);
        }

        yield return new(ProcessVariable, Process);
        yield return new(ReplicaVariable, Replica.ToString(CultureInfo.InvariantCulture));
        if (Roles.Count > 0)
        {
            yield return new(RolesVariable, string.Join(',', Roles));
        }
    }

    /// <summary>How logs and errors name the replica: <c>images#0</c>.</summary>
    public override string ToString() => $"{Process}#{Replica}";
}
