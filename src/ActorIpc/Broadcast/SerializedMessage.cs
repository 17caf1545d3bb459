namespace ActorIpc;

/// <summary>A message as another node serialized it, not read yet: Akka's serializer, manifest and bytes.</summary>
/// <param name="SerializerId">The identifier of the serializer that wrote it.</param>
/// <param name="Manifest">The serializer's manifest.</param>
/// <param name="Bytes">The payload.</param>
internal sealed record SerializedMessage(int SerializerId, string Manifest, byte[] Bytes);
