using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorIpc.Remote.Serialization;

/// <summary>Writes an <see cref="IActorRef"/> inside a JSON message as its path, through the running call's codec, and reads it back as a working reference.</summary>
internal sealed class ActorRefJsonConverter : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var path = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"expected an actor path string, found {reader.TokenType}");
        return AmbientSerializationContext.Current.Codec.FromPath(path);
    }

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(AmbientSerializationContext.Current.Codec.ToPath(value));
}
