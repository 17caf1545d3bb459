using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>Reads an exception record of ActorIpc's exception format (see <see cref="ExceptionWriter"/>).</summary>
internal sealed class ExceptionReader
{
    // Counts come from the wire: a bound keeps a corrupt or hostile payload from allocating without end.
    private const int MaxEntries = 4096;

    private readonly WireValueReader _values;

    /// <summary>Creates a reader whose serialized values are deserialized by <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    public ExceptionReader(ExtendedActorSystem system)
    {
        _values = new WireValueReader(system, Read);
    }

    /// <summary>The reader of tagged values, for other parts of a payload.</summary>
    public WireValueReader Values => _values;

    /// <summary>Reads one record, its inner records included.</summary>
    /// <param name="reader">Where from.</param>
    /// <param name="depth">The record's nesting depth, 0 at the top.</param>
    /// <returns>The record.</returns>
    /// <exception cref="SerializationException">The bytes are not a record.</exception>
    public ExceptionRecord Read(BinaryReader reader, int depth)
    {
        if (depth > ExceptionWriter.MaxDepth)
        {
            throw new SerializationException($"an exception record nested deeper than {ExceptionWriter.MaxDepth} levels");
        }

        var typeName = reader.ReadString();
        var message = ReadNullable(reader);
        var display = ReadNullable(reader) ?? message ?? "";
        var stackTrace = ReadNullable(reader);
        var source = ReadNullable(reader);
        var hresult = reader.ReadInt32();

        var data = new List<KeyValuePair<WireValue, WireValue>>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            data.Add(new(_values.Read(reader, depth), _values.Read(reader, depth)));
        }

        var properties = new List<KeyValuePair<string, WireValue>>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            properties.Add(new(reader.ReadString(), _values.Read(reader, depth)));
        }

        var inners = new List<ExceptionRecord>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            inners.Add(Read(reader, depth + 1));
        }

        return new ExceptionRecord
        {
            TypeName = typeName,
            Message = message,
            DisplayMessage = display,
            StackTrace = stackTrace,
            Source = source,
            HResult = hresult,
            Data = data,
            Properties = properties,
            InnerExceptions = inners,
        };
    }

    /// <summary>Reads a string written by <see cref="ExceptionWriter.WriteNullable"/>.</summary>
    /// <param name="reader">Where from.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= MaxEntries
            ? count
            : throw new SerializationException($"an exception record with {count} entries (at most {MaxEntries})");
    }
}
