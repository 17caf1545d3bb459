namespace ActorIpc.Hocon.Tests;

public class ResourceTests
{
    [Fact]
    public void ParseResource_EmbeddedFile_IsParsedWithItsIncludes()
    {
        var config = ConfigFactory.ParseResource(typeof(ResourceTests).Assembly, "Resources/reference.conf");
        Assert.Equal("reference", config.GetString("source"));
        Assert.Equal(7, config.GetInt("included.value"));
    }

    [Fact]
    public void ParseString_IncludeClasspath_UsesResourceAssembly()
    {
        var options = new ConfigParseOptions { ResourceAssembly = typeof(ResourceTests).Assembly };
        var config = ConfigFactory.ParseString("include classpath(\"Resources/included.conf\")", options);
        Assert.Equal(7, config.GetInt("value"));
    }

    [Fact]
    public void ParseString_RequiredClasspathMissing_Throws()
    {
        var options = new ConfigParseOptions { ResourceAssembly = typeof(ResourceTests).Assembly };
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseString("include required(classpath(\"nope\"))", options));
        Assert.Contains("could not find required include", error.Reason);
    }

    [Fact]
    public void ParseResource_Missing_Throws()
    {
        Assert.Throws<HoconException>(() => ConfigFactory.ParseResource(typeof(ResourceTests).Assembly, "nope.conf"));
    }
}
