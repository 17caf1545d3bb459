using System.Buffers;
using System.Collections.Concurrent;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Turns messages into bytes and back. Every serializer has a unique <see cref="Identifier"/>
/// that travels with the bytes; ids 0–99 are reserved for ActorIpc, so a user serializer picks
/// 100 or more. Register one by name in <c>actoripc.actor.serializers</c> (it needs a public
/// parameterless constructor) and bind message types to it in
/// <c>actoripc.actor.serialization-bindings</c>. Implementations must be thread-safe.
/// </summary>
public abstract class Serializer
{
    // Manifests are computed once per type: the hot path only does a dictionary lookup.
    private readonly ConcurrentDictionary<Type, string> _manifests = new();

    /// <summary>The id written next to every payload this serializer produces; unique in the registry.</summary>
    public abstract int Identifier { get; }

    /// <summary>
    /// True (the default) when the payload needs the message's type to be read back. The manifest
    /// then names the type; the registry checks it against the allowed types and loads it before
    /// <see cref="FromBinary"/> runs. False when the payload says itself what it holds.
    /// </summary>
    public virtual bool IncludeManifest => true;

    /// <summary>
    /// The manifest to send with <paramref name="message"/>: its assembly-qualified type name without
    /// version, culture or key (stable across builds) when <see cref="IncludeManifest"/> is true, else "".
    /// </summary>
    /// <param name="message">The message about to be serialized.</param>
    /// <returns>The manifest text.</returns>
    public string Manifest(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IncludeManifest ? _manifests.GetOrAdd(message.GetType(), TypeManifest.Of) : string.Empty;
    }

    /// <summary>Writes <paramref name="message"/> straight into <paramref name="output"/> (the frame buffer).</summary>
    /// <param name="message">The message; never null.</param>
    /// <param name="output">Where the payload goes.</param>
    /// <param name="context">The reference codec and the recipient's address.</param>
    public abstract void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context);

    /// <summary>Reads a message written by <see cref="ToBinary"/>.</summary>
    /// <param name="bytes">The payload, possibly split over several buffer segments.</param>
    /// <param name="type">
    /// The type the manifest names, already checked against the allowed types and loaded by the registry;
    /// <see langword="null"/> when <see cref="IncludeManifest"/> is false.
    /// </param>
    /// <param name="context">The reference codec and the sender's address.</param>
    /// <returns>The message.</returns>
    public abstract object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context);
}
