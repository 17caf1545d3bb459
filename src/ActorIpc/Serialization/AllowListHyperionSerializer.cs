using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc.Serialization;

/// <summary>Hyperion for user messages (the allow-list comes with the serialization work).</summary>
public sealed class AllowListHyperionSerializer : HyperionSerializer
{
    /// <summary>Creates the serializer for <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    public AllowListHyperionSerializer(ExtendedActorSystem system)
        : base(system, HyperionSerializerSettings.Default)
    {
    }

    /// <summary>Creates the serializer for <paramref name="system"/>; Akka passes the serializer's settings section.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="config">The serializer's settings section.</param>
    public AllowListHyperionSerializer(ExtendedActorSystem system, Akka.Configuration.Config config)
        : base(system, HyperionSerializerSettings.Create(config))
    {
    }
}
