using System.Text.Json;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.Cli.Commands;
using ActorIpc.Hocon;
using ActorIpc.Hosting;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// How the process benchmarks (<c>failover</c>, <c>cold-start</c>) run: this process is the
/// parent, the seed of its own cluster, and its fleet starts the workers, copies of this
/// executable running <c>actoripc bench-worker</c>. Both sides run a remote benchmark's
/// configuration (<see cref="RemoteBenchConfig"/>: ActorIpc's defaults, Akka's log at warnings),
/// optionally with Akka's own cluster timings (<see cref="AkkaClusterDefaults"/>).
/// </summary>
internal static class FleetBenchConfig
{
    /// <summary>The workers' process in the topology.</summary>
    public const string ProcessName = "bench-worker";

    /// <summary>A worker's echo answers calls by this key (not idempotent) with its process id.</summary>
    public static readonly ServiceKey<int> PlainKey = new("bench-pid");

    /// <summary>The same echo, by a key whose calls are idempotent: sent to another replica when theirs dies.</summary>
    public static readonly ServiceKey<int> IdempotentKey = new("bench-pid-idempotent");

    /// <summary>The timeout of every call the benchmarks make.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The parent: a fleet of <paramref name="replicas"/> workers, each ready once it has
    /// registered its echo under both keys; <paramref name="processSettings"/> adds HOCON to the
    /// process's section.
    /// </summary>
    public static NodeOptions Parent(int replicas, string processSettings, bool akkaClusterDefaults)
    {
        var launch = NodeProcess.LaunchCommand();
        string[] arguments = [.. launch.ArgumentList, BenchWorkerCommand.Name, .. akkaClusterDefaults ? [BenchWorkerCommand.AkkaClusterDefaultsOption] : Array.Empty<string>()];
        var topology = $$"""
            actoripc {
              processes.{{ProcessName}} {
                program = {{Quote(launch.FileName)}}
                arguments = [ {{string.Join(", ", arguments.Select(Quote))}} ]
                replicas = {{replicas}}
                keys = [ {{PlainKey.Name}}, {{IdempotentKey.Name}} ]

                # The workers run with the workstation GC, as a console application does by default
                # (this command runs with the server GC), and without tiered PGO's instrumentation
                # (this command's benchmarks keep it), as the WorkerPool sample's workers do: a
                # replica that starts sooner serves sooner.
                environment { DOTNET_gcServer = "0", DOTNET_TieredPGO = "0" }
                {{processSettings}}
              }

              invoker.keys {
                {{PlainKey.Name}}.timeout = {{CallTimeout.TotalSeconds}}s
                {{IdempotentKey.Name}} { timeout = {{CallTimeout.TotalSeconds}}s, idempotent = on }
              }

              # The workers print nothing worth reading; the supervisor's own notes stay in the log.
              fleet.log-output = off
            }
            """;
        return new NodeOptions { Config = Layers(ConfigFactory.ParseString(topology, new ConfigParseOptions { Resolve = false, OriginName = "fleet benchmark" }), akkaClusterDefaults) };
    }

    /// <summary>A worker, joined to <paramref name="seed"/>.</summary>
    public static NodeOptions Worker(string seed, bool akkaClusterDefaults) =>
        new() { Config = Layers(Config.Empty, akkaClusterDefaults), Seed = seed };

    /// <summary>The header line that says how the cluster's timings are set.</summary>
    public static string DescribeTimings(bool akkaClusterDefaults) => akkaClusterDefaults
        ? "Akka.NET baseline, Akka's cluster defaults (ActorIpc's reference tuning switched back): " + string.Join(", ", AkkaClusterDefaults.Settings.Select(s => $"{s.Path} = {s.Akka}"))
        : "ActorIpc's reference tuning: " + string.Join(", ", AkkaClusterDefaults.Settings.Select(s => $"{s.Path} = {s.ActorIpc} (Akka: {s.Akka})"));

    private static Config Layers(Config top, bool akkaClusterDefaults) =>
        (akkaClusterDefaults ? top.WithFallback(AkkaClusterDefaults.Overrides) : top).WithFallback(RemoteBenchConfig.Overrides);

    /// <summary>A HOCON string: JSON's quoting is HOCON's.</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
