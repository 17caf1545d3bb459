using System.Runtime.Serialization;
using ActorIpc.Serialization;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// The wire format of published objects' calls, results and refusals (see
/// <see cref="PublishedObjectSerializer"/>). A value is a <see cref="WireTag"/> and its bytes:
/// <see langword="null"/>, strings and the base class library's primitives directly, anything
/// else through the actor system's serialization (so the allow-list applies to it) as
/// <see cref="WireTag.Serialized"/> with the serializer id, manifest and bytes, without the text
/// that ActorIpc's exception format adds there. A payload is a version byte and what follows
/// (<see cref="VersionedPayload"/>), written with this thread's <see cref="PayloadWriter"/>: the
/// codec runs on every proxy call, twice.
/// </summary>
internal sealed class PublishedObjectCodec
{
    private const byte Version = 1;

    // More than any method takes: a corrupt or hostile count fails before anything is allocated.
    private const int MaxArguments = 1024;

    private readonly ExtendedActorSystem _system;
    private readonly WireNames _names = new();

    // The readers, made once: a lambda that uses the codec would be a new delegate every payload.
    private readonly Func<BinaryReader, PublishedObjectCall> _readCall;
    private readonly Func<BinaryReader, PublishedObjectResult> _readResult;
    private readonly Func<BinaryReader, PublishedObjectRefusal> _readRefusal;

    /// <summary>Creates the codec.</summary>
    /// <param name="system">The actor system whose serialization carries the values that are not written directly.</param>
    public PublishedObjectCodec(ExtendedActorSystem system)
    {
        _system = system;
        _readCall = ReadCall;
        _readResult = ReadResult;
        _readRefusal = ReadRefusal;
    }

    /// <summary>Writes a call.</summary>
    /// <exception cref="Exception">An argument's serializer failed, e.g. with a <see cref="TypeNotAllowedException"/>: the call is not sent.</exception>
    public byte[] EncodeCall(string service, string method, object?[] arguments)
    {
        using var payload = PayloadWriter.Start(Version);
        var writer = payload.Writer;
        writer.Write(service);
        writer.Write(method);
        writer.Write7BitEncodedInt(arguments.Length);
        foreach (var argument in arguments)
        {
            WriteValue(writer, argument);
        }

        return payload.ToArray();
    }

    /// <summary>Reads a call; an argument that does not deserialize here leaves <see cref="PublishedObjectCall.ArgumentError"/>.</summary>
    /// <exception cref="SerializationException">The payload is malformed.</exception>
    public PublishedObjectCall DecodeCall(byte[] bytes) => Read(bytes, _readCall);

    /// <summary>Writes a result.</summary>
    /// <exception cref="Exception">The result's serializer failed, e.g. with a <see cref="TypeNotAllowedException"/>.</exception>
    public byte[] EncodeResult(object? value)
    {
        using var payload = PayloadWriter.Start(Version);
        WriteValue(payload.Writer, value);
        return payload.ToArray();
    }

    /// <summary>Reads a result; one that does not deserialize here arrives with <see cref="PublishedObjectResult.Error"/>.</summary>
    /// <exception cref="SerializationException">The payload is malformed.</exception>
    public PublishedObjectResult DecodeResult(byte[] bytes) => Read(bytes, _readResult);

    /// <summary>Writes a refusal.</summary>
    public byte[] EncodeRefusal(PublishedObjectRefusal refusal)
    {
        using var payload = PayloadWriter.Start(Version);
        var writer = payload.Writer;
        writer.Write((byte)refusal.Kind);
        writer.Write(refusal.PublishedService);
        writer.Write(refusal.TypeName is not null);
        writer.Write(refusal.TypeName ?? "");
        writer.Write(refusal.Detail);
        writer.Write(refusal.Publisher);
        writer.Write(refusal.ProcessId);
        return payload.ToArray();
    }

    /// <summary>Reads a refusal.</summary>
    /// <exception cref="SerializationException">The payload is malformed.</exception>
    public PublishedObjectRefusal DecodeRefusal(byte[] bytes) => Read(bytes, _readRefusal);

    private PublishedObjectCall ReadCall(BinaryReader reader)
    {
        // The same few names on every call: read without allocating them again.
        var service = _names.Read(reader);
        var method = _names.Read(reader);
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > MaxArguments)
        {
            throw new SerializationException($"a published object's call with {count} arguments is malformed");
        }

        var arguments = new object?[count];
        Exception? error = null;
        for (var i = 0; i < count; i++)
        {
            arguments[i] = ReadValue(reader, ref error);
        }

        return PublishedObjectCall.Arrived(service, method, arguments, error);
    }

    private PublishedObjectResult ReadResult(BinaryReader reader)
    {
        Exception? error = null;
        var value = ReadValue(reader, ref error);
        return new PublishedObjectResult(value, Error: error);
    }

    private static PublishedObjectRefusal ReadRefusal(BinaryReader reader)
    {
        var kind = (RefusalKind)reader.ReadByte();
        if (!Enum.IsDefined(kind))
        {
            throw new SerializationException($"a published object's refusal of unknown kind {(byte)kind}");
        }

        var service = reader.ReadString();
        var hasType = reader.ReadBoolean();
        var typeName = reader.ReadString();
        return new PublishedObjectRefusal(kind, service, hasType ? typeName : null, reader.ReadString(), reader.ReadString(), reader.ReadInt32());
    }

    private void WriteValue(BinaryWriter writer, object? value)
    {
        if (WirePrimitives.TryWrite(writer, value))
        {
            return;
        }

        // Serialized before the tag is written: a serializer that refuses leaves nothing half-written.
        var serialized = WirePrimitives.Serialize(_system, value!);
        writer.Write((byte)WireTag.Serialized);
        WirePrimitives.WriteSerialized(writer, serialized);
    }

    private object? ReadValue(BinaryReader reader, ref Exception? error)
    {
        var tag = (WireTag)reader.ReadByte();
        if (WirePrimitives.TryRead(tag, reader, out var value))
        {
            return value;
        }

        if (tag != WireTag.Serialized)
        {
            throw new SerializationException($"unknown value tag {(byte)tag} in a published object's call or result");
        }

        var serialized = WirePrimitives.ReadSerialized(reader);
        try
        {
            return WirePrimitives.Deserialize(_system, serialized);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not an error of the payload but of what it carries (a type not allowed here, a type
            // not known here): the message still arrives, so that the call ends with the reason.
            error ??= e;
            return null;
        }
    }

    private static T Read<T>(byte[] bytes, Func<BinaryReader, T> read) =>
        VersionedPayload.Read(bytes, Version, "a published object's payload", read);
}
