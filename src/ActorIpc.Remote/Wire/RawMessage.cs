using System.Buffers;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// A Message frame read by <see cref="Frame.ReadRawMessage"/>: its fields checked for
/// structure (lengths, varints, required recipient, no trailing bytes) but its strings left
/// as UTF-8 bytes, so reading it allocates nothing. Valid while the read buffer and the
/// scratch buffer it was read with are.
/// </summary>
/// <param name="recipient">The recipient actor's path; never empty.</param>
/// <param name="sender">The sender actor's path; empty when the message has no sender.</param>
/// <param name="serializerId">The id of the serializer that wrote the payload.</param>
/// <param name="manifest">The serializer's manifest; may be empty.</param>
/// <param name="payload">The serialized message: a slice of the read buffer.</param>
internal readonly ref struct RawMessage(Utf8Field recipient, Utf8Field sender, int serializerId, Utf8Field manifest, ReadOnlySequence<byte> payload)
{
    /// <summary>The recipient actor's path; never empty.</summary>
    public Utf8Field Recipient { get; } = recipient;

    /// <summary>The sender actor's path; empty when the message has no sender.</summary>
    public Utf8Field Sender { get; } = sender;

    /// <summary>The id of the serializer that wrote the payload.</summary>
    public int SerializerId { get; } = serializerId;

    /// <summary>The serializer's manifest; may be empty.</summary>
    public Utf8Field Manifest { get; } = manifest;

    /// <summary>The serialized message: a slice of the read buffer.</summary>
    public ReadOnlySequence<byte> Payload { get; } = payload;
}
