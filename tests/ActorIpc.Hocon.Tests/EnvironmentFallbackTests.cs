namespace ActorIpc.Hocon.Tests;

public class EnvironmentFallbackTests
{
    private static readonly string Name = "ACTORIPC_HOCON_TEST_" + Guid.NewGuid().ToString("N");

    private static T WithVariable<T>(string? value, Func<T> action)
    {
        Environment.SetEnvironmentVariable(Name, value);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, null);
        }
    }

    [Fact]
    public void Resolve_MissingPath_FallsBackToEnvironment()
    {
        var config = WithVariable("from-env", () => ConfigFactory.ParseString($"a = ${{{Name}}}\nb = ${{?{Name}}}"));
        Assert.Equal("from-env", config.GetString("a"));
        Assert.Equal("from-env", config.GetString("b"));
    }

    [Fact]
    public void Resolve_ConfigValue_WinsOverEnvironment()
    {
        var config = WithVariable("from-env", () => ConfigFactory.ParseString($"{Name} = mine\na = ${{{Name}}}"));
        Assert.Equal("mine", config.GetString("a"));
    }

    [Fact]
    public void Resolve_NullInConfig_BlocksEnvironment()
    {
        var config = WithVariable("from-env", () => ConfigFactory.ParseString($"{Name} = null\na = ${{{Name}}}"));
        Assert.Equal(HoconType.Null, config.GetValue("a")!.Type);
    }

    [Fact]
    public void Resolve_EmptyVariable_CountsAsMissing()
    {
        var config = WithVariable("", () => ConfigFactory.ParseString($"a = ${{?{Name}}}"));
        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void Resolve_UseEnvironmentFalse_IgnoresEnvironment()
    {
        var error = WithVariable("from-env", () => Assert.Throws<HoconException>(
            () => ConfigFactory.ParseString($"a = ${{{Name}}}", new ConfigParseOptions { UseEnvironment = false })));
        Assert.Contains("unresolved substitution", error.Reason);
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutEarlierValue_UsesEnvironment()
    {
        var config = WithVariable("/bin", () => ConfigFactory.ParseString($"{Name} = ${{{Name}}}\":/usr/bin\""));
        Assert.Equal("/bin:/usr/bin", config.GetString(Name));
    }
}
