using Akka.Actor;

namespace ActorIpc;

/// <summary>Akka's extension id of the <see cref="Receptionist"/>.</summary>
internal sealed class ReceptionistProvider : ExtensionIdProvider<Receptionist>
{
    public override Receptionist CreateExtension(ExtendedActorSystem system) => new(system);
}
