using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace ActorIpc;

/// <summary>How the control protocol and <see cref="FleetStatus.ToJson"/> write JSON: camelCase, enums by name, addresses as text, no nulls.</summary>
internal static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(), new AddressConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>An Akka address as its text, <c>akka.tcp://system@host:port</c>.</summary>
    private sealed class AddressConverter : JsonConverter<Address>
    {
        public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("an address is a string");
            try
            {
                return Address.Parse(text);
            }
            catch (UriFormatException e)
            {
                throw new JsonException($"'{text}' is not an actor system's address", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
