using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// Takes the place of Akka.NET's JSON serializer (name <c>json</c>, identifier 1) in a node.
/// Akka registers that serializer in every actor system, and a peer may choose it for any
/// message by its identifier alone; it encodes type names and creates whatever type the JSON
/// names, which would sidestep <c>actoripc.serialization.allowed-types</c>. This stand-in keeps the
/// identifier and refuses both ways, so a payload marked with it is dropped with an explanation.
/// Akka instantiates it by name from ActorIpc's reference configuration.
/// </summary>
internal sealed class DisabledJsonSerializer : Akka.Serialization.Serializer
{
    /// <summary>Creates the stand-in for <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    public DisabledJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>Creates the stand-in; Akka passes the JSON serializer's settings section, which it ignores.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="config">The <c>akka.actor.serialization-settings.json</c> section.</param>
    public DisabledJsonSerializer(ExtendedActorSystem system, Akka.Configuration.Config config)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override bool IncludeManifest => false;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) =>
        throw new SerializationException(
            $"{obj?.GetType().FullName ?? "null"} is bound to Akka's JSON serializer, which ActorIpc nodes do not use: "
            + "it creates any type a message names, around actoripc.serialization.allowed-types; bind the type to hyperion "
            + "(the default for System.Object) and allow it in allowed-types");

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, Type type) =>
        throw new SerializationException(
            $"a message in Akka's JSON format (serializer 1) from {RemoteSender.Current() ?? "an unknown sender"} was dropped: "
            + "that format creates any type the sender names, around actoripc.serialization.allowed-types, so ActorIpc nodes do not read it; "
            + "the sender should let Hyperion serialize the message (the default for System.Object in ActorIpc)");
}
