using System.Text.Json;

namespace ActorIpc.Hocon.Tests;

/// <summary>Shared helpers: parse without touching the environment, compare as JSON.</summary>
internal static class Hocon
{
    public static Config Parse(string text, string origin = "test.conf") =>
        ConfigFactory.ParseString(text, new ConfigParseOptions { OriginName = origin, UseEnvironment = false });

    /// <summary>The resolved config as compact JSON with keys in definition order.</summary>
    public static string Json(string text) => Parse(text).ToJson(indented: false);

    public static HoconException Error(string text, string origin = "test.conf") =>
        Assert.Throws<HoconException>(() => Parse(text, origin));

    /// <summary>Normalizes JSON so semantically equal documents compare equal as strings.</summary>
    public static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
