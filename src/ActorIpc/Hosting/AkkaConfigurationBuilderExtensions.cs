using ActorIpc.Configuration;
using ActorIpc.Hocon;
using Akka.Actor;
using Akka.Event;
using Akka.Cluster;
using Akka.Hosting;

namespace ActorIpc.Hosting;

/// <summary>Wires ActorIpc into an Akka.Hosting setup (<c>services.AddAkka(name, builder => ...)</c>).</summary>
public static class AkkaConfigurationBuilderExtensions
{
    /// <summary>
    /// Makes the hosted actor system an ActorIpc node: the node's configuration, loaded as
    /// <see cref="ActorIpcNode.StartAsync"/> loads it (<see cref="NodeOptions.ConfigFile"/> and
    /// <see cref="NodeOptions.Config"/> over ActorIpc's and Akka's defaults, resolved by
    /// ActorIpc.Hocon), is added beneath what the rest of the builder configures, and the system
    /// joins the cluster at start: the seed from <see cref="NodeOptions.Seed"/>,
    /// <c>ACTORIPC_SEED</c> or <c>actoripc.node.seed</c>, or itself when none names one.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="options">
    /// The configuration file, overrides and seed. <see cref="NodeOptions.LoggerFactory"/> is not
    /// used here: Akka.Hosting sets up logging through the host. The system's name is the one
    /// given to <c>AddAkka</c>; every node of one application must use the same.
    /// </param>
    /// <returns>The builder.</returns>
    /// <exception cref="ActorIpc.Hocon.HoconException">The configuration is invalid; the message names file, line, column and path.</exception>
    public static AkkaConfigurationBuilder WithActorIpc(this AkkaConfigurationBuilder builder, NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options = (options ?? new NodeOptions()) with { LoggerFactory = null };
        var (config, settings) = ActorIpcNode.Prepare(options);

        // Beneath: what the rest of the builder sets (WithRemoting, AddHocon, ...) wins.
        builder.AddHocon(config.ToAkkaConfig(), HoconAddMode.Append);
        builder.AddSetup(new ActorIpcConfigSetup(config));
        builder.AddStartup((system, _) =>
        {
            ActorIpcNode.StartNodeServices(system, config, settings);
            AdmitThenJoin(system, config, settings);
        });
        return builder;
    }

    // The host's start does not wait for the join: a node the seed does not admit says why in the
    // log and shuts down, as a node that cannot join does.
    private static void AdmitThenJoin(ActorSystem system, Config config, NodeSettings settings) =>
        _ = AdmitThenJoinAsync(system, config, settings);

    private static async Task AdmitThenJoinAsync(ActorSystem system, Config config, NodeSettings settings)
    {
        try
        {
            await ActorIpcNode.AdmitAsync(system, config, settings, settings.JoinTimeout, CancellationToken.None).ConfigureAwait(false);
            ActorIpcNode.Join(Cluster.Get(system), settings.Seed);
        }
        catch (Exception e) when (e is NodeStartException or TimeoutException)
        {
            system.Log.Error(e, "This node does not join the cluster: {0}", e.Message);
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).ConfigureAwait(false);
        }
    }
}
