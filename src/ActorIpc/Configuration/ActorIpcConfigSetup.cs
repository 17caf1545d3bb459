using Akka.Actor;
using Akka.Actor.Setup;
using ActorIpc.Hocon;

namespace ActorIpc.Configuration;

/// <summary>
/// Hands ActorIpc's extensions the node's configuration as ActorIpc.Hocon resolved it (with the
/// file and position of every value, for errors), beside the copy Akka reads. ActorIpcNode and
/// <c>WithActorIpc</c> add it to the actor system's setup.
/// </summary>
internal sealed class ActorIpcConfigSetup : Setup
{
    public ActorIpcConfigSetup(Config config) => Config = config;

    public Config Config { get; }

    /// <summary>
    /// The configuration of <paramref name="system"/>: the one its setup carries, or ActorIpc's
    /// defaults for a system that was not made by ActorIpc.
    /// </summary>
    public static Config Of(ActorSystem system) =>
        system.Settings.Setup.Get<ActorIpcConfigSetup>().HasValue
            ? system.Settings.Setup.Get<ActorIpcConfigSetup>().Value.Config
            : Defaults.Value;

    private static readonly Lazy<Config> Defaults = new(() => ActorIpcConfig.WithDefaults(Config.Empty));
}
