using System.Globalization;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// How both processes of a remote benchmark become nodes: ActorIpc's defaults as a user gets
/// them from its reference configuration (and Akka's own under them), so that the figures are
/// those of an untuned application (Akka's log on standard error, as every node has it), except
/// that Akka logs only warnings and errors.
/// </summary>
internal static class RemoteBenchConfig
{
    /// <summary>The actor system's name in both processes: Akka.Cluster joins only systems of one name.</summary>
    public const string SystemName = "actoripc-bench";

    /// <summary>The message types the benchmarks send across, whose serializers the header names.</summary>
    private static readonly Type[] MessageTypes = [typeof(int), typeof(long), typeof(string), typeof(byte[])];

    /// <summary>What a benchmark's nodes lay over ActorIpc's defaults: the system's name, no seed of their own, quiet logs.</summary>
    public static Config Overrides { get; } = ConfigFactory.ParseString(
        $$"""
        actoripc {
          node {
            system-name = {{SystemName}}

            # The bench process forms its own cluster whatever ACTORIPC_SEED says; the node process
            # is given the bench process's address with --seed, which wins over this.
            seed = ""
          }

          # The benchmarks' own message types, should one ever cross: today they send primitives
          # and byte arrays, which Akka's own serializers carry.
          serialization.allowed-types += "ActorIpc.Cli.Benchmarks.*"
        }

        akka {
          # Akka's INFO lines (remoting started, members joining and leaving) are not figures.
          loglevel = WARNING
          stdout-loglevel = WARNING
        }
        """,
        new ConfigParseOptions { Resolve = false, OriginName = "remote benchmark" });

    /// <summary>What a node of a remote benchmark starts from.</summary>
    /// <param name="seed">The bench process's node address, for the node process; null for the bench process, the seed.</param>
    public static NodeOptions Options(string? seed) => new() { Config = Overrides, Seed = seed };

    /// <summary>
    /// The settings the figures depend on, as the node resolved them, for the benchmark's header:
    /// Akka's version, the transport, the remote batching, the dispatcher's throughput, the log
    /// level, and the serializer Akka picked for each message type sent.
    /// </summary>
    public static IEnumerable<string> Describe(ActorIpcNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var config = node.Config;
        const string Tcp = "akka.remote.dot-netty.tcp";
        var version = typeof(ActorSystem).Assembly.GetName().Version?.ToString(3) ?? "?";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Akka.NET {version}, {config.GetString("akka.actor.provider")} provider, Akka.Remote over {node.Address.Protocol} (DotNetty) on {config.GetString($"{Tcp}.hostname")}; "
            + $"ActorIpc's defaults but akka.loglevel = {config.GetString("akka.loglevel")}, logged to stderr");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"  remote batching {OnOff(config.GetBoolean($"{Tcp}.batching.enabled"))} (max-pending-writes {config.GetInt($"{Tcp}.batching.max-pending-writes")}), "
            + $"tcp-nodelay {OnOff(config.GetBoolean($"{Tcp}.tcp-nodelay"))}, "
            + $"default-dispatcher throughput {config.GetInt("akka.actor.default-dispatcher.throughput")}, "
            + $"remote dispatcher {config.GetString("akka.remote.default-remote-dispatcher.executor")}");
        var serialization = node.System.Serialization;
        yield return "  serializers: " + string.Join(", ", MessageTypes.Select(type =>
        {
            var serializer = serialization.FindSerializerForType(type);
            return string.Create(CultureInfo.InvariantCulture, $"{type.Name} {serializer.GetType().Name} ({serializer.Identifier})");
        }));
    }

    private static string OnOff(bool value) => value ? "on" : "off";
}
