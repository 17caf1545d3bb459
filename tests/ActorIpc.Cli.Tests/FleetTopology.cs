using ActorIpc.FleetChild;

namespace ActorIpc.Cli.Tests;

/// <summary>Topology files for <c>actoripc run</c> whose processes are <c>ActorIpc.FleetChild</c> serving its echo, quick to stop and restart.</summary>
internal static class FleetTopology
{
    /// <summary>The child program, copied to this project's output folder.</summary>
    public static string Child { get; } = Path.Combine(AppContext.BaseDirectory, "ActorIpc.FleetChild.dll");

    /// <summary>Writes <paramref name="fileName"/> in <paramref name="directory"/>: the fleet's defaults, then <paramref name="processes"/> inside <c>actoripc.processes { }</c>.</summary>
    public static string Write(TempDirectory directory, string fileName, string processes) => directory.Write(fileName, $$"""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        actoripc.fleet {
          memory-sample-interval = 200ms
          defaults {
            program = "{{Child}}"
            arguments = [ serve ]
            keys = [ {{ChildConfig.EchoKey}} ]
            stop-timeout = 5s
            restart.min-backoff = 10ms
          }
        }
        actoripc.processes {
        {{processes}}
        }
        """);
}
