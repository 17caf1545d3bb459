using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorIpc.Remote.Serialization;

/// <summary>Writes an <see cref="ActorPath"/> inside a JSON message as its text with uid, and parses it back.</summary>
internal sealed class ActorPathJsonConverter : JsonConverter<ActorPath>
{
    public override ActorPath Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"expected an actor path string, found {reader.TokenType}");
        return ActorPath.TryParse(text, out var path) ? path : throw new JsonException($"'{text}' is not an actor path");
    }

    public override void Write(Utf8JsonWriter writer, ActorPath value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToStringWithUid());
}
