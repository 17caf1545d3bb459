using Akka.Actor;

namespace ActorIpc;

/// <summary>Akka's extension id of the <see cref="Fleet"/>.</summary>
internal sealed class FleetProvider : ExtensionIdProvider<Fleet>
{
    public override Fleet CreateExtension(ExtendedActorSystem system) => new(system);
}
