using ActorIpc.Configuration;
using ActorIpc.Hocon;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// Akka's own values of the cluster settings that ActorIpc's reference configuration tunes for
/// joining fast (<c>akka.cluster</c>: the periodic tasks' first delay, the gossip and leader-action
/// intervals, the seed's and the join's retry timeouts, DistributedPubSub's gossip): what a node
/// runs with when that tuning is switched back. Found by comparing the two reference
/// configurations, so that it follows whatever <c>reference.conf</c> tunes.
/// </summary>
internal static class AkkaClusterDefaults
{
    private const string Section = "akka.cluster";

    /// <summary>Each tuned setting: its path, ActorIpc's value and Akka's.</summary>
    public static IReadOnlyList<(string Path, string ActorIpc, string Akka)> Settings { get; } = Find();

    /// <summary>Akka's values of <see cref="Settings"/>, to lay over a node's configuration.</summary>
    public static Config Overrides { get; } = ConfigFactory.ParseString(
        string.Join('\n', Settings.Select(s => $"{s.Path} = {s.Akka}")),
        new ConfigParseOptions { Resolve = false, OriginName = "Akka's cluster defaults" });

    private static List<(string Path, string ActorIpc, string Akka)> Find()
    {
        var unresolved = new ConfigParseOptions { Resolve = false };
        var akka = ConfigFactory.ParseResource(typeof(Akka.Cluster.Cluster).Assembly, "Akka.Cluster.Configuration.Cluster.conf", unresolved)
            .WithFallback(ConfigFactory.ParseResource(typeof(DistributedPubSub).Assembly, "Akka.Cluster.Tools.PublishSubscribe.reference.conf", unresolved));
        var found = new List<(string, string, string)>();
        Walk(ActorIpcConfig.Reference, akka, Section, found);
        return found;
    }

    private static void Walk(Config reference, Config akka, string path, List<(string, string, string)> found)
    {
        foreach (var key in reference.GetKeys(path))
        {
            var child = $"{path}.{key}";
            var value = reference.GetValue(child)!;
            if (value.Type == HoconType.Object)
            {
                Walk(reference, akka, child, found);
            }

            // A substitution (the roles, from actoripc.node.roles) is not tuning.
            else if (value.Type != HoconType.Unresolved && akka.GetValue(child) is { } original && original.ToString() != value.ToString())
            {
                found.Add((child, value.ToString(), original.ToString()));
            }
        }
    }
}
