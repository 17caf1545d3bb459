using ActorIpc.Hocon;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>The configuration both processes of a remote benchmark run with: remoting over one transport, defaults elsewhere.</summary>
internal static class RemoteBenchConfig
{
    public static Config For(BenchTransport transport)
    {
        // Defaults everywhere else, so the figures are those of an untuned deployment. The Unix
        // socket name defaults to <system>-<pid>, and TCP listens on a free loopback port.
        var name = transport == BenchTransport.Tcp ? "tcp" : "unix";
        return ConfigFactory.ParseString($$"""
            actoripc {
              log-dead-letters = off
              remote {
                transports = [ {{name}} ]
                tcp.hostname = "127.0.0.1"
                tcp.port = 0
              }
            }
            """);
    }
}
