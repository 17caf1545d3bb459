using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Akka's extension identifier of the <see cref="Messenger"/>: <see cref="Messenger.Get"/> uses it,
/// and it can be named in <c>akka.extensions</c> or given to Akka.Hosting's <c>WithExtension</c>
/// to start a node's messenger with its actor system.
/// </summary>
public sealed class MessengerExtensionProvider : ExtensionIdProvider<Messenger>
{
    /// <summary>Creates the messenger of <paramref name="system"/>; Akka calls this once per system.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The system's messenger.</returns>
    /// <exception cref="MessengerException">The system has no DistributedPubSub mediator (see <see cref="Messenger"/>).</exception>
    public override Messenger CreateExtension(ExtendedActorSystem system) => new(system);
}
