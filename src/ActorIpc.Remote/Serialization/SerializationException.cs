namespace ActorIpc.Remote.Serialization;

/// <summary>
/// A message could not be serialized or deserialized: no serializer is bound to its type, the
/// manifest names a type that is not registered or allowed, the serializer id is unknown, or the
/// payload is malformed. The message names the type or manifest, the serializer and the remote
/// address involved; only the message concerned fails, the connection stays up.
/// </summary>
public sealed class SerializationException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the type or manifest, the serializer and the remote address.</param>
    /// <param name="manifest">The manifest concerned, or <see langword="null"/> when sending.</param>
    /// <param name="serializerId">The serializer id concerned, or <see langword="null"/> when no serializer was found.</param>
    /// <param name="remoteAddress">The address of the actor system on the other end, if known.</param>
    /// <param name="innerException">The underlying failure, or <see langword="null"/>.</param>
    public SerializationException(string message, string? manifest, int? serializerId, Address? remoteAddress, Exception? innerException = null)
        : base(message, innerException)
    {
        Manifest = manifest;
        SerializerId = serializerId;
        RemoteAddress = remoteAddress;
    }

    /// <summary>The manifest that was refused or could not be read; <see langword="null"/> for a failure to serialize.</summary>
    public string? Manifest { get; }

    /// <summary>The id of the serializer concerned; <see langword="null"/> when no serializer was bound.</summary>
    public int? SerializerId { get; }

    /// <summary>The address of the actor system on the other end, if known.</summary>
    public Address? RemoteAddress { get; }
}
