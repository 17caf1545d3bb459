using System.Buffers;

namespace ActorIpc.Remote.Wire;

/// <summary>The envelope a Message or SystemMessage frame carries.</summary>
/// <param name="Recipient">The recipient actor's path; never empty.</param>
/// <param name="Sender">The sender actor's path, or <see langword="null"/> when the message has no sender.</param>
/// <param name="SerializerId">The id of the serializer that wrote the payload.</param>
/// <param name="Manifest">The serializer's manifest; may be empty.</param>
/// <param name="Payload">The serialized message: a slice of the read buffer, valid until the reader advances past it.</param>
internal readonly record struct WireEnvelope(string Recipient, string? Sender, int SerializerId, string Manifest, ReadOnlySequence<byte> Payload);
