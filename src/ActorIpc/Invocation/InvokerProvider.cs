using Akka.Actor;

namespace ActorIpc;

/// <summary>Akka's extension id of the <see cref="Invoker"/>.</summary>
internal sealed class InvokerProvider : ExtensionIdProvider<Invoker>
{
    public override Invoker CreateExtension(ExtendedActorSystem system) => new(system);
}
