using System.Reflection;
using ActorIpc.Hocon;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Serialization;

namespace ActorIpc.Configuration;

/// <summary>
/// The reference configurations embedded in the Akka.NET modules a node runs, read by
/// ActorIpc.Hocon, so that a node's whole configuration is resolved by one parser and
/// <c>actoripc config print --with-defaults</c> shows what Akka sees.
/// </summary>
internal static class AkkaReference
{
    // Akka merges each module's defaults under the system's configuration as the module starts;
    // the modules' keys do not overlap, so the order here only decides which file a value is
    // reported from.
    private static readonly (Assembly Assembly, string Resource)[] Resources =
    [
        (typeof(Akka.Actor.ActorSystem).Assembly, "Akka.Configuration.akka.conf"),
        (typeof(Akka.Remote.RemoteSettings).Assembly, "Akka.Remote.Configuration.Remote.conf"),
        (typeof(Akka.Cluster.Cluster).Assembly, "Akka.Cluster.Configuration.Cluster.conf"),
        (typeof(DistributedPubSub).Assembly, "Akka.Cluster.Tools.PublishSubscribe.reference.conf"),
        (typeof(DistributedPubSub).Assembly, "Akka.Cluster.Tools.Singleton.reference.conf"),
        (typeof(DistributedPubSub).Assembly, "Akka.Cluster.Tools.Client.reference.conf"),
        (typeof(HyperionSerializer).Assembly, "Akka.Serialization.Hyperion.reference.conf"),
    ];

    /// <summary>The modules' reference configurations merged, unresolved.</summary>
    public static Config Modules { get; } = Load();

    private static Config Load()
    {
        var merged = Config.Empty;
        foreach (var (assembly, resource) in Resources)
        {
            var options = new ConfigParseOptions { Resolve = false, OriginName = $"{assembly.GetName().Name}:{resource}" };
            merged = merged.WithFallback(ConfigFactory.ParseResource(assembly, resource, options));
        }

        return merged;
    }
}
