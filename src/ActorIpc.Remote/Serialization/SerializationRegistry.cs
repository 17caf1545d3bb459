using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using ActorIpc.Hocon;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// The serializers of an actor system and the rules that pick one per message type, built once
/// from configuration and immutable afterwards; safe to use from any thread.
/// </summary>
/// <remarks>
/// <para>Configuration, under <c>actoripc.actor</c>:</para>
/// <list type="bullet">
/// <item><c>serializers</c>: name to serializer type. Built in: <c>primitive</c> (id 1: string, int, long,
/// double, bool, byte[], ReadOnlyMemory&lt;byte&gt;, Guid), <c>json</c> (id 2: records and classes with
/// System.Text.Json), <c>proto</c> (id 3: Google.Protobuf messages), <c>exception</c> (id 4), <c>status</c>
/// (id 5: Status.Success and Status.Failure).</item>
/// <item><c>serialization-bindings</c>: type (a class, base class or interface) to serializer name. The most specific
/// binding wins: the type itself, then its base classes nearest first, then the most derived bound interface, then
/// <c>System.Object</c>. Primitives, exceptions, Status and Google.Protobuf.IMessage are bound by default.</item>
/// <item><c>serialization-allowed-types</c>: extra types or namespace prefixes (<c>MyApp.Messages.*</c>) that may be
/// instantiated from the wire.</item>
/// <item><c>serialize-messages</c>: whether the runtime round-trips local messages through <see cref="RoundTrip"/>.</item>
/// </list>
/// <para>Only allowed types are instantiated from the wire: bound types and types derived from them, allowed types,
/// and built-in primitive and exception types. A manifest naming anything else is refused before any type is loaded.</para>
/// </remarks>
public sealed class SerializationRegistry
{
    private readonly FrozenDictionary<int, Serializer> _byId;
    private readonly FrozenDictionary<int, string> _names;
    private readonly SerializerBindings _bindings;
    private readonly ManifestResolver _resolver;

    /// <summary>Reads the serialization settings from <paramref name="config"/> and creates the serializers.</summary>
    /// <param name="config">The merged, resolved configuration (the user's over the reference).</param>
    /// <exception cref="HoconException">
    /// A setting is invalid: a type that cannot be loaded, a binding to an unknown serializer, a user serializer
    /// with an id below 100 or an id already taken, a too broad allowed-type entry. The message names the path.
    /// </exception>
    public SerializationRegistry(Config config)
    {
        var settings = SerializationSettings.Load(config);
        SerializeMessages = settings.SerializeMessages;
        var defaultBindings = BuiltInSerializers.DefaultBindings().ToArray();
        _resolver = new ManifestResolver(new TypePolicy(
            defaultBindings.Select(b => b.Key).Concat(settings.Bindings.Select(b => b.Type)),
            settings.AllowedTypes));

        var byName = new Dictionary<string, Serializer>(StringComparer.Ordinal)
        {
            [BuiltInSerializers.PrimitiveName] = new PrimitiveSerializer(),
            [BuiltInSerializers.JsonName] = new JsonMessageSerializer(),
            [BuiltInSerializers.ProtobufName] = new ProtobufSerializer(),
            [BuiltInSerializers.ExceptionName] = new ExceptionSerializer(_resolver),
            [BuiltInSerializers.StatusName] = new StatusSerializer(this),
            [BuiltInSerializers.ActorMessagesName] = new ActorMessageSerializer(this),
        };
        var names = byName.ToDictionary(p => p.Value.Identifier, p => p.Key);
        foreach (var (name, type, value) in settings.Serializers)
        {
            var path = $"{SerializationSettings.SerializersPath}.\"{name}\"";
            var serializer = Create(type, value, path);
            var id = serializer.Identifier;
            if (id < BuiltInSerializers.FirstUserId)
            {
                throw SerializationSettings.Invalid(value, path, $"the serializer {type.FullName} has id {id}, but ids 0-99 are reserved for ActorIpc: pick {BuiltInSerializers.FirstUserId} or more");
            }

            if (!names.TryAdd(id, name))
            {
                throw SerializationSettings.Invalid(value, path, $"the serializer {type.FullName} has id {id}, already used by the serializer \"{names[id]}\"");
            }

            byName[name] = serializer;
        }

        _byId = byName.Values.ToFrozenDictionary(s => s.Identifier);
        _names = names.ToFrozenDictionary();
        _bindings = new SerializerBindings(
            defaultBindings.Select(b => new KeyValuePair<Type, Serializer>(b.Key, byName[b.Value]))
                .Concat(settings.Bindings.Select(b => new KeyValuePair<Type, Serializer>(b.Type, byName[b.Serializer]))),
            s => NameOf(s.Identifier));
    }

    /// <summary><c>actoripc.actor.serialize-messages</c>: round-trip local messages through serialization, so that tests catch unserializable ones.</summary>
    public bool SerializeMessages { get; }

    /// <summary>Finds the serializer bound to <paramref name="messageType"/> (the most specific binding; see the class remarks).</summary>
    /// <param name="messageType">The runtime type of a message.</param>
    /// <returns>The serializer; cached per type, so this is cheap on the hot path.</returns>
    /// <exception cref="SerializationException">No serializer is bound, or two unrelated bound interfaces disagree; the message names the type and the config path.</exception>
    public Serializer FindSerializerFor(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return _bindings.Find(messageType);
    }

    /// <summary>Finds the serializer bound to the type of <paramref name="message"/>.</summary>
    /// <param name="message">The message about to be sent.</param>
    /// <returns>The serializer.</returns>
    /// <exception cref="SerializationException">No serializer is bound to the message's type; the message names the type and the config path.</exception>
    public Serializer FindSerializerFor(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _bindings.Find(message.GetType());
    }

    /// <summary>Gets the serializer with the given id.</summary>
    /// <param name="identifier">A serializer id read from the wire.</param>
    /// <param name="serializer">The serializer, or <see langword="null"/> when no serializer has that id.</param>
    /// <returns><see langword="true"/> when a serializer has that id.</returns>
    public bool TryGetSerializer(int identifier, [NotNullWhen(true)] out Serializer? serializer) => _byId.TryGetValue(identifier, out serializer);

    /// <summary>
    /// Writes the payload of <paramref name="message"/> with <paramref name="serializer"/> (usually from
    /// <see cref="FindSerializerFor(object)"/>, whose id and manifest the caller writes in the frame header).
    /// On failure the output may hold part of a payload: the caller discards the frame.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="serializer">The serializer to use.</param>
    /// <param name="output">The frame buffer.</param>
    /// <param name="context">The reference codec and the recipient's address.</param>
    /// <exception cref="SerializationException">The serializer failed; the message names the type, the serializer and the recipient, the cause is the inner exception.</exception>
    public void Serialize(object message, Serializer serializer, IBufferWriter<byte> output, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            serializer.ToBinary(message, output, context);
        }
        catch (Exception e) when (e is not SerializationException)
        {
            throw new SerializationException(
                $"could not serialize {TypeManifest.Of(message.GetType())} (serializer {NameOf(serializer.Identifier)}) for {context.DescribeRemote()}: {e.Message}",
                null, serializer.Identifier, context.RemoteAddress, e);
        }
    }

    /// <summary>Reads a message, refusing any type that is not registered or allowed before it is loaded.</summary>
    /// <param name="serializerId">The serializer id from the frame.</param>
    /// <param name="manifest">The manifest from the frame ("" for serializers without one).</param>
    /// <param name="payload">The payload; may span several buffer segments.</param>
    /// <param name="context">The reference codec and the sender's address.</param>
    /// <returns>The message.</returns>
    /// <exception cref="SerializationException">
    /// The id is unknown, the manifest names a type that is not allowed, or the payload is malformed; the message
    /// names the manifest, the serializer and the sender. Only this message is lost.
    /// </exception>
    public object Deserialize(int serializerId, string manifest, ReadOnlySequence<byte> payload, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(context);
        var serializer = GetSerializer(serializerId, manifest, context);
        Type? type = null;
        if (serializer.IncludeManifest)
        {
            type = _resolver.Resolve(manifest, out var refusal) ?? throw new SerializationException(
                $"refused to deserialize {Describe(manifest)} (serializer {NameOf(serializerId)}) from {context.DescribeRemote()}: {refusal}",
                manifest, serializerId, context.RemoteAddress);
        }

        return Read(serializer, type, manifest, payload, context);
    }

    /// <summary>
    /// Reads a message whose manifest is still UTF-8 bytes in the frame: a manifest seen before costs no
    /// string allocation. Otherwise the same as <see cref="Deserialize(int, string, ReadOnlySequence{byte}, SerializationContext)"/>.
    /// </summary>
    /// <param name="serializerId">The serializer id from the frame.</param>
    /// <param name="utf8Manifest">The manifest's UTF-8 bytes from the frame (empty for serializers without one).</param>
    /// <param name="payload">The payload; may span several buffer segments.</param>
    /// <param name="context">The reference codec and the sender's address.</param>
    /// <returns>The message.</returns>
    /// <exception cref="SerializationException">As for the string overload.</exception>
    public object Deserialize(int serializerId, ReadOnlySpan<byte> utf8Manifest, ReadOnlySequence<byte> payload, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_byId.TryGetValue(serializerId, out var serializer))
        {
            if (!serializer.IncludeManifest)
            {
                return Read(serializer, null, string.Empty, payload, context);
            }

            if (utf8Manifest.Length <= ManifestResolver.MaxManifestLength && _resolver.TryGetCached(utf8Manifest, out var type))
            {
                return Read(serializer, type, null, payload, context);
            }
        }

        // Decode at most one byte past the limit: enough for the resolver to refuse an overlong manifest, never a huge string.
        var bounded = utf8Manifest[..Math.Min(utf8Manifest.Length, (ManifestResolver.MaxManifestLength * 4) + 1)];
        return Deserialize(serializerId, Encoding.UTF8.GetString(bounded), payload, context);
    }

    /// <summary>
    /// Serializes and deserializes <paramref name="message"/> as if it crossed the wire, for
    /// <c>actoripc.actor.serialize-messages</c>: tests then catch messages that could not travel.
    /// </summary>
    /// <param name="message">A message about to be delivered locally.</param>
    /// <param name="context">The context to use; its codec must resolve local references.</param>
    /// <returns>The copy that a remote recipient would get.</returns>
    /// <exception cref="SerializationException">The message cannot travel; the message says why and names its type.</exception>
    public object RoundTrip(object message, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var serializer = FindSerializerFor(message);
            var buffer = new ArrayBufferWriter<byte>(256);
            Serialize(message, serializer, buffer, context);
            return Deserialize(serializer.Identifier, serializer.Manifest(message), new ReadOnlySequence<byte>(buffer.WrittenMemory), context);
        }
        catch (SerializationException e)
        {
            throw new SerializationException(
                $"{SerializationSettings.SerializeMessagesPath} is on and a message of type {TypeManifest.Of(message.GetType())} would not survive crossing to another process: {e.Message}",
                e.Manifest, e.SerializerId, e.RemoteAddress, e);
        }
    }

    private static Serializer Create(Type type, HoconValue value, string path)
    {
        try
        {
            return (Serializer)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            throw SerializationSettings.Invalid(value, path, $"cannot create the serializer {type.FullName} (it needs a public parameterless constructor): {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static string Describe(string? manifest) => string.IsNullOrEmpty(manifest) ? "a payload" : $"'{manifest}'";

    private Serializer GetSerializer(int serializerId, string manifest, SerializationContext context) =>
        _byId.TryGetValue(serializerId, out var serializer)
            ? serializer
            : throw new SerializationException(
                $"refused to deserialize {Describe(manifest)} (serializer id {serializerId}) from {context.DescribeRemote()}: no serializer has id {serializerId} here (known: {string.Join(", ", _names.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}; register serializers in {SerializationSettings.SerializersPath})",
                manifest, serializerId, context.RemoteAddress);

    private object Read(Serializer serializer, Type? type, string? manifest, ReadOnlySequence<byte> payload, SerializationContext context)
    {
        try
        {
            return serializer.FromBinary(payload, type, context);
        }
        catch (Exception e) when (e is not SerializationException)
        {
            manifest ??= type is null ? null : TypeManifest.Of(type);
            throw new SerializationException(
                $"could not deserialize {Describe(manifest)} (serializer {NameOf(serializer.Identifier)}) from {context.DescribeRemote()}: {e.Message}",
                manifest, serializer.Identifier, context.RemoteAddress, e);
        }
    }

    private string NameOf(int serializerId) => _names.TryGetValue(serializerId, out var name) ? name : $"id {serializerId}";
}
