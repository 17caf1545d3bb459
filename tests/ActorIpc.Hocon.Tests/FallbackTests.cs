namespace ActorIpc.Hocon.Tests;

public class FallbackTests
{
    private static readonly ConfigParseOptions Unresolved = new() { Resolve = false, UseEnvironment = false };

    [Fact]
    public void WithFallback_ThisWinsAndObjectsMerge()
    {
        var user = Hocon.Parse("a { x = 1 }, b = user");
        var reference = Hocon.Parse("a { x = 0, y = 2 }, b = ref, c = 3");
        var merged = user.WithFallback(reference);
        Assert.Equal("""{"a":{"x":1,"y":2},"b":"user","c":3}""", merged.ToJson(false));
    }

    [Fact]
    public void WithFallback_LeavesInputsUnchanged()
    {
        var user = Hocon.Parse("a { x = 1 }");
        var reference = Hocon.Parse("a { y = 2 }");
        _ = user.WithFallback(reference);
        Assert.Equal("""{"a":{"x":1}}""", user.ToJson(false));
        Assert.Equal("""{"a":{"y":2}}""", reference.ToJson(false));
    }

    [Fact]
    public void WithFallback_NonObjectHidesFurtherFallbacks()
    {
        var merged = Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a = 42")).WithFallback(Hocon.Parse("a { y = 2 }"));
        Assert.Equal("""{"a":{"x":1}}""", merged.ToJson(false));
    }

    [Fact]
    public void Resolve_AfterLayering_SubstitutionsSeeMergedRoot()
    {
        var user = ConfigFactory.ParseString("timeout = ${base} { extra = 1 }\nport = ${defaults.port}", Unresolved);
        var reference = ConfigFactory.ParseString("base { connect = 5s }\ndefaults.port = 2552", Unresolved);
        var config = user.WithFallback(reference).Resolve();
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("timeout.connect"));
        Assert.Equal(1, config.GetInt("timeout.extra"));
        Assert.Equal(2552, config.GetInt("port"));
    }

    [Fact]
    public void Resolve_SelfReferenceAcrossLayers_SeesFallbackValue()
    {
        var user = ConfigFactory.ParseString("serializers = ${serializers} [custom]", Unresolved);
        var reference = ConfigFactory.ParseString("serializers = [json]", Unresolved);
        Assert.Equal(["json", "custom"], user.WithFallback(reference).Resolve().GetStringList("serializers"));
    }

    [Fact]
    public void Resolve_ResolvedConfig_ReturnsSameInstance()
    {
        var config = Hocon.Parse("a = 1");
        Assert.Same(config, config.Resolve());
        Assert.True(config.IsResolved);
    }

    [Fact]
    public void WithFallback_Empty_ReturnsOther()
    {
        var config = Hocon.Parse("a = 1");
        Assert.Same(config, config.WithFallback(Config.Empty));
        Assert.Same(config, ConfigFactory.Empty.WithFallback(config));
    }

    [Fact]
    public void Getter_OnUnresolvedValue_SaysToResolve()
    {
        var config = ConfigFactory.ParseString("a = ${b}", Unresolved);
        Assert.Contains("call Config.Resolve() first", Assert.Throws<HoconException>(() => config.GetString("a")).Message);
    }
}
