using ActorIpc.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Hosting;

/// <summary>What <see cref="ActorIpcNode.StartAsync"/> makes a node from.</summary>
public sealed record NodeOptions
{
    /// <summary>
    /// A HOCON file with the node's configuration (includes resolve relative to it). Not set:
    /// the defaults, and <see cref="Config"/>.
    /// </summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// Configuration laid over <see cref="ConfigFile"/>, e.g. a value set in code. Best left
    /// unresolved (<see cref="ConfigParseOptions.Resolve"/> off), so that its substitutions see the
    /// file and the defaults.
    /// </summary>
    public Config? Config { get; init; }

    /// <summary>
    /// The address of the node to join (<c>akka.tcp://system@host:port</c>). Wins over
    /// <c>actoripc.node.seed</c> and the <c>ACTORIPC_SEED</c> environment variable; when none of
    /// them names one, this node is the seed and forms the cluster.
    /// </summary>
    public string? Seed { get; init; }

    /// <summary>
    /// The cluster's secret; wins over <c>actoripc.node.secret</c> and <c>ACTORIPC_SECRET</c>. A
    /// node with a secret joins only a seed that knows the same one, and a seed with a secret
    /// downs every node that joins without proving it. Not set: the configuration's.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>
    /// Where Akka's log goes: Akka's logging then runs through Microsoft.Extensions.Logging. Not
    /// set: Akka's own standard-output logger.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
