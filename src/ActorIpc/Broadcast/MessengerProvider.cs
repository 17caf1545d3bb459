using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Akka's extension id of the <see cref="Messenger"/>; naming it in <c>akka.extensions</c>
/// (<c>"ActorIpc.MessengerProvider, ActorIpc"</c>) starts a node's messenger with its actor system.
/// </summary>
internal sealed class MessengerProvider : ExtensionIdProvider<Messenger>
{
    public override Messenger CreateExtension(ExtendedActorSystem system) => new(system);
}
