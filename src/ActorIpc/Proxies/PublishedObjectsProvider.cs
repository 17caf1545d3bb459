using Akka.Actor;

namespace ActorIpc;

/// <summary>Akka's extension id of <see cref="PublishedObjects"/>.</summary>
internal sealed class PublishedObjectsProvider : ExtensionIdProvider<PublishedObjects>
{
    public override PublishedObjects CreateExtension(ExtendedActorSystem system) => new(system);
}
