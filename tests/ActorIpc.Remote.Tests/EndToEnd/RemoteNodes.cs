using ActorIpc.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>Makes actor systems with remoting over Unix sockets, each with a socket name of its own.</summary>
internal static class RemoteNodes
{
    /// <summary>
    /// Starts a system named <paramref name="systemName"/> with remoting. <paramref name="extraConfig"/>
    /// comes last, so it overrides the defaults here (transports, socket directory, secret, bindings).
    /// </summary>
    public static async Task<(ActorSystem System, Remoting Remoting)> StartAsync(string systemName, string extraConfig = "", ILoggerFactory? loggerFactory = null)
    {
        var config = ConfigFactory.ParseString(
            $$"""
            actoripc.remote.unix.name = "{{systemName}}-{{Guid.NewGuid():N}}"
            actoripc.actor.serialization-bindings {
              "ActorIpc.Remote.Tests.EndToEnd.IRemoteTestMessage, ActorIpc.Remote.Tests" = json
            }
            actoripc.log-dead-letters = off
            {{extraConfig}}
            """,
            new ConfigParseOptions { Resolve = false });
        var system = ActorSystem.Create(systemName, config, loggerFactory);
        try
        {
            return (system, await Remoting.StartAsync(system));
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }
}
