using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Records and classes as UTF-8 JSON with System.Text.Json; the manifest names the type.
/// Actor references and paths inside a message travel as path strings through the context's codec.
/// Only the manifest's type (checked by the registry) and the types its members declare are created:
/// no type names are read from the JSON itself.
/// </summary>
internal sealed class JsonMessageSerializer : Serializer
{
    private const int MaxDepth = 64;

    // Created once: options cache per-type metadata, so one instance serves every message and connection.
    private readonly JsonSerializerOptions _options;
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The payload goes into a binary frame, never into HTML, so escaping non-ASCII text would only cost bytes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    // One writer per thread, reset onto each output: a Utf8JsonWriter holds no state between calls, and
    // its options are the constant WriterOptions whichever registry created it.
    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    public JsonMessageSerializer()
    {
        _options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            MaxDepth = MaxDepth,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,

            Encoder = WriterOptions.Encoder,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new ActorRefJsonConverter(), new ActorPathJsonConverter() },
        };
        _options.MakeReadOnly();
    }

    public override int Identifier => BuiltInSerializers.JsonId;

    public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
    {
        var writer = _cachedWriter;
        _cachedWriter = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, WriterOptions);
        }
        else
        {
            writer.Reset(output);
        }

        var previous = AmbientSerializationContext.Exchange(context);
        try
        {
            JsonSerializer.Serialize(writer, message, message.GetType(), _options);
            writer.Flush();
        }
        finally
        {
            AmbientSerializationContext.Exchange(previous);

            // Drop the reference to the caller's buffer before parking the writer for the next call.
            writer.Reset(Stream.Null);
            _cachedWriter = writer;
        }
    }

    public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var previous = AmbientSerializationContext.Exchange(context);
        try
        {
            return JsonSerializer.Deserialize(ref reader, type, _options)
                ?? throw new JsonException($"the payload is JSON null, not a {type.Name}");
        }
        finally
        {
            AmbientSerializationContext.Exchange(previous);
        }
    }
}
