namespace ActorIpc.Remote.Serialization;

/// <summary>
/// What a serializer may need beyond the bytes: the codec for actor references and the address
/// of the actor system on the other end, used in error messages. One instance per connection
/// (or per local round trip); it is immutable and safe to share.
/// </summary>
public sealed class SerializationContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="codec">Turns actor references inside messages into paths and back.</param>
    /// <param name="remoteAddress">
    /// The address of the actor system on the other end: the sender of what is read, the recipient of
    /// what is written; <see langword="null"/> when unknown (for example a local round trip).
    /// </param>
    public SerializationContext(IActorRefCodec codec, Address? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(codec);
        Codec = codec;
        RemoteAddress = remoteAddress;
    }

    /// <summary>Turns actor references inside messages into paths and back.</summary>
    public IActorRefCodec Codec { get; }

    /// <summary>The address of the actor system on the other end, or <see langword="null"/> when unknown.</summary>
    public Address? RemoteAddress { get; }

    /// <summary>The remote address for messages, e.g. <c>actoripc.tcp://worker@host:4000</c>.</summary>
    internal string DescribeRemote() => RemoteAddress?.ToString() ?? "an unknown peer";
}
