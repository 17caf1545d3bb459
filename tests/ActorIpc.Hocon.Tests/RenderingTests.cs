using System.Text.Json;

namespace ActorIpc.Hocon.Tests;

public class RenderingTests
{
    private const string Sample = """
        akka.actor.deployment { "/weird/*" { router = round-robin-pool, nr = 2 } }
        strings { plain = hello, spaced = "a b", empty = "", keyword = "true", dotted = "a.b", slashes = "x//y", "quoted key" = 1, "include" = "i" }
        numbers { i = 42, d = 1.5, e = 1e5, neg = -3 }
        flags = [true, false, null]
        nested = [[1, 2], [{ x = "multi\nline \"q\" \\ \t" }]]
        empty-object {}
        empty-array = []
        unicode = "é中\u0001"
        """;

    [Fact]
    public void ToJson_IsValidJsonWithSameContent()
    {
        var config = Hocon.Parse(Sample);
        using var document = JsonDocument.Parse(config.ToJson());
        var root = document.RootElement;
        Assert.Equal("round-robin-pool", root.GetProperty("akka").GetProperty("actor").GetProperty("deployment").GetProperty("/weird/*").GetProperty("router").GetString());
        Assert.Equal(1.5, root.GetProperty("numbers").GetProperty("d").GetDouble());
        Assert.Equal("multi\nline \"q\" \\ \t", root.GetProperty("nested")[1][0].GetProperty("x").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("flags")[2].ValueKind);
    }

    [Fact]
    public void ToJson_CompactAndIndented_AreEquivalent()
    {
        var config = Hocon.Parse(Sample);
        Assert.Equal(Hocon.Canonical(config.ToJson(false)), Hocon.Canonical(config.ToJson(true)));
        Assert.DoesNotContain("\n", config.ToJson(false));
    }

    [Fact]
    public void ToHocon_ReparsesToSameConfig()
    {
        var config = Hocon.Parse(Sample);
        var again = Hocon.Parse(config.ToHocon());
        Assert.Equal(config.ToJson(false), again.ToJson(false));
        Assert.Equal(config.ToHocon(), config.ToString());
    }

    [Fact]
    public void ToHocon_KeepsNumberLiterals()
    {
        var again = Hocon.Parse(Hocon.Parse("a = 1e5, b = 10.0").ToHocon());
        Assert.Equal("1e5", ((HoconNumber)again.GetValue("a")!).Literal);
        Assert.Equal("10.0", ((HoconNumber)again.GetValue("b")!).Literal);
    }

    [Fact]
    public void ToHocon_UnresolvedConfig_ReparsesToSameResolution()
    {
        var options = new ConfigParseOptions { Resolve = false, UseEnvironment = false };
        var config = ConfigFactory.ParseString("a = [1]\na = ${a} [2]\nb = ${?nope} x ${?nope}\nc = ${a}", options);
        var again = ConfigFactory.ParseString(config.ToHocon(), options);
        Assert.Equal(Hocon.Canonical(config.Resolve().ToJson()), Hocon.Canonical(again.Resolve().ToJson()));
    }

    [Fact]
    public void ToJson_Unresolved_Throws()
    {
        var config = ConfigFactory.ParseString("a = ${b}", new ConfigParseOptions { Resolve = false });
        Assert.Throws<HoconException>(() => config.ToJson());
    }

    [Fact]
    public void ToHocon_Empty_IsEmptyText()
    {
        Assert.Equal(string.Empty, Config.Empty.ToHocon());
        Assert.Equal("{}", Config.Empty.ToJson());
    }
}
