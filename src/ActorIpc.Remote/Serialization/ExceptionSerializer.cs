using System.Buffers;
using System.Collections;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Exceptions as type name, message, stack trace, HResult, simple <see cref="Exception.Data"/>
/// entries and the inner exception chain (up to <see cref="MaxDepth"/> levels). The receiving side
/// rebuilds each level with <see cref="ExceptionRebuilder"/>: as its own type when that is allowed,
/// otherwise as a <see cref="RemoteException"/>. No manifest: the type names travel in the payload,
/// because a type that may not be rebuilt still arrives, as a <see cref="RemoteException"/>.
/// </summary>
internal sealed class ExceptionSerializer : Serializer
{
    /// <summary>Inner exceptions deeper than this are dropped when writing and refused when reading.</summary>
    public const int MaxDepth = 16;

    private const byte FormatVersion = 1;
    private const int MaxDataEntries = 32;

    private const byte NullTag = 0;
    private const byte StringTag = 1;
    private const byte Int64Tag = 2;
    private const byte DoubleTag = 3;
    private const byte BooleanTag = 4;

    private readonly ExceptionRebuilder _rebuilder;

    public ExceptionSerializer(ManifestResolver resolver)
    {
        _rebuilder = new ExceptionRebuilder(resolver);
    }

    public override int Identifier => BuiltInSerializers.ExceptionId;

    public override bool IncludeManifest => false;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        var exception = message as Exception ?? throw new ArgumentException($"{message.GetType()} is not an exception", nameof(message));
        output.WriteByte(FormatVersion);
        Write(exception, output, 1);
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        var reader = new PayloadReader(bytes);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"unknown exception format version {version} (this process reads version {FormatVersion})");
        }

        var exception = Read(ref reader, context, 1);
        return reader.End ? exception : throw new InvalidDataException("unexpected bytes after the exception");
    }

    private static void Write(Exception exception, IBufferWriter<byte> output, int depth)
    {
        // A RemoteException being passed on keeps describing the original failure, not itself.
        var (typeName, message, stackTrace) = exception is RemoteException remote
            ? (remote.OriginalTypeName, remote.OriginalMessage, remote.RemoteStackTrace)
            : (TypeManifest.Of(exception.GetType()), exception.Message, exception.StackTrace);
        output.WriteString(typeName);
        output.WriteString(message);
        output.WriteNullableString(stackTrace);
        output.WriteVarInt64(exception.HResult);
        WriteData(exception.Data, output);
        var inner = depth < MaxDepth ? exception.InnerException : null;
        output.WriteByte(inner is null ? (byte)0 : (byte)1);
        if (inner is not null)
        {
            Write(inner, output, depth + 1);
        }
    }

    private static void WriteData(IDictionary data, IBufferWriter<byte> output)
    {
        // Only string keys with simple values travel: anything else could need a serializer of its own.
        var entries = new List<(string Key, object? Value)>();
        foreach (DictionaryEntry entry in data)
        {
            if (entries.Count < MaxDataEntries
                && entry.Key is string key and not (RemoteException.RemoteStackTraceKey or RemoteException.RemoteAddressKey)
                && entry.Value is null or string or int or long or double or bool)
            {
                entries.Add((key, entry.Value));
            }
        }

        output.WriteVarUInt64((ulong)entries.Count);
        foreach (var (key, value) in entries)
        {
            output.WriteString(key);
            switch (value)
            {
                case string text:
                    output.WriteByte(StringTag);
                    output.WriteString(text);
                    break;
                case int or long:
                    output.WriteByte(Int64Tag);
                    output.WriteVarInt64(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case double number:
                    output.WriteByte(DoubleTag);
                    output.WriteDouble(number);
                    break;
                case bool flag:
                    output.WriteByte(BooleanTag);
                    output.WriteByte(flag ? (byte)1 : (byte)0);
                    break;
                default:
                    output.WriteByte(NullTag);
                    break;
            }
        }
    }

    private Exception Read(ref PayloadReader reader, SerializationContext context, int depth)
    {
        var typeName = reader.ReadString();
        var message = reader.ReadString();
        var stackTrace = reader.ReadNullableString();
        var hResult = reader.ReadVarInt32();
        var data = ReadData(ref reader);
        Exception? inner = null;
        switch (reader.ReadByte())
        {
            case 0:
                break;
            case 1 when depth < MaxDepth:
                inner = Read(ref reader, context, depth + 1);
                break;
            case 1:
                throw new InvalidDataException($"the inner exception chain is deeper than {MaxDepth}");
            case var other:
                throw new InvalidDataException($"invalid inner-exception marker {other}");
        }

        return _rebuilder.Rebuild(new RemoteExceptionInfo(typeName, message, stackTrace, hResult, data), inner, context);
    }

    private static List<KeyValuePair<string, object?>> ReadData(ref PayloadReader reader)
    {
        var count = reader.ReadVarUInt64();
        if (count > MaxDataEntries)
        {
            throw new InvalidDataException($"{count} data entries exceed the limit of {MaxDataEntries}");
        }

        var data = new List<KeyValuePair<string, object?>>((int)count);
        for (var i = 0UL; i < count; i++)
        {
            var key = reader.ReadString();
            object? value = reader.ReadByte() switch
            {
                NullTag => null,
                StringTag => reader.ReadString(),
                Int64Tag => reader.ReadVarInt64(),
                DoubleTag => reader.ReadDouble(),
                BooleanTag => reader.ReadByte() != 0,
                var tag => throw new InvalidDataException($"unknown data value tag {tag}"),
            };
            data.Add(new(key, value));
        }

        return data;
    }
}
