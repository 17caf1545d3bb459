using ActorIpc.Configuration;
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
        var config = ActorIpcNode.LoadConfig(options);
        var settings = NodeSettings.Create(config, options.Seed);
        ActorIpcNode.CheckSettings(config);

        // Beneath: what the rest of the builder sets (WithRemoting, AddHocon, ...) wins.
        builder.AddHocon(config.ToAkkaConfig(), HoconAddMode.Append);
        builder.AddSetup(new ActorIpcConfigSetup(config));
        builder.AddStartup((system, _) =>
        {
            ActorIpcNode.WatchParent(system, config);
            ActorIpcNode.Join(Cluster.Get(system), settings.Seed);
        });
        return builder;
    }
}
