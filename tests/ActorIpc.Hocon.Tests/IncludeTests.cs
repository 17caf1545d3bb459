namespace ActorIpc.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private static readonly ConfigParseOptions NoEnvironment = new() { UseEnvironment = false };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Load(string mainText) => ConfigFactory.ParseFile(_dir.Write("main.conf", mainText), NoEnvironment);

    [Fact]
    public void Include_QuotedName_MergesAtIncludePoint()
    {
        _dir.Write("foo.conf", "x = 1\ny = 2");
        var config = Load("a { x = 0\ninclude \"foo.conf\"\ny = 3 }");
        Assert.Equal("""{"a":{"x":1,"y":3}}""", config.ToJson(false));
    }

    [Fact]
    public void Include_WithoutExtension_LoadsJsonThenConfWithConfWinning()
    {
        _dir.Write("foo.json", """{ "x": 1, "y": 1 }""");
        _dir.Write("foo.conf", "y = 2");
        var config = Load("include \"foo\"");
        Assert.Equal(1, config.GetInt("x"));
        Assert.Equal(2, config.GetInt("y"));
    }

    [Fact]
    public void Include_FileAndRequiredForms_Work()
    {
        _dir.Write("sub/a.conf", "a = 1");
        _dir.Write("b.conf", "b = 2");
        var config = Load("include file(\"sub/a.conf\")\ninclude required( file( \"b.conf\" ) )\ninclude\n  required(\"b\")");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Include_RelativeToIncludingFile_NotWorkingDirectory()
    {
        _dir.Write("sub/inner.conf", "deep = yes");
        _dir.Write("sub/outer.conf", "include \"inner.conf\"");
        Assert.True(Load("include \"sub/outer.conf\"").GetBoolean("deep"));
    }

    [Fact]
    public void Include_Missing_IsIgnored()
    {
        Assert.Equal(1, Load("include \"nope.conf\"\na = 1").GetInt("a"));
    }

    [Fact]
    public void Include_RequiredMissing_Throws()
    {
        var error = Assert.Throws<HoconException>(() => Load("a = 1\ninclude required(\"nope.conf\")"));
        Assert.StartsWith("could not find required include required(\"nope.conf\")", error.Reason);
        Assert.Equal(2, error.Line);
        Assert.EndsWith("main.conf", error.Origin);
    }

    [Fact]
    public void Include_Cycle_ThrowsWithChain()
    {
        _dir.Write("a.conf", "include \"b.conf\"");
        _dir.Write("b.conf", "include \"a.conf\"");
        var error = Assert.Throws<HoconException>(() => Load("include \"a.conf\""));
        Assert.Equal("include cycle: a.conf -> b.conf -> a.conf", error.Reason);
        Assert.Equal("b.conf", error.Origin);
    }

    [Fact]
    public void Include_SubstitutionInIncludedFile_IsFixedUpToIncludePoint()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}");
        var config = Load("a { include \"foo.conf\" }\na { x = 42 }");
        Assert.Equal(42, config.GetInt("a.y"));
    }

    [Fact]
    public void Include_SubstitutionInIncludedFile_FallsBackToRoot()
    {
        _dir.Write("foo.conf", "y = ${top}");
        Assert.Equal("root", Load("top = root\na { include \"foo.conf\" }").GetString("a.y"));
    }

    [Fact]
    public void Include_PlusEqualsInIncludedFile_AppendsAtIncludePoint()
    {
        _dir.Write("more.conf", "list += 2");
        Assert.Equal([1, 2], Load("a { list = [1]\ninclude \"more.conf\" }").GetIntList("a.list"));
    }

    [Fact]
    public void Include_FileUrl_Loads()
    {
        string path = _dir.Write("u.conf", "u = 1");
        Assert.Equal(1, Load($"include url(\"{new Uri(path).AbsoluteUri}\")").GetInt("u"));
    }

    [Fact]
    public void Include_HttpUrl_ThrowsClearError()
    {
        var error = Assert.Throws<HoconException>(() => Load("include url(\"http://example.com/a.conf\")"));
        Assert.Contains("only file: URLs are supported", error.Reason);
        Assert.Throws<HoconException>(() => Load("include \"https://example.com/a.conf\""));
    }

    [Fact]
    public void Include_ClasspathWithoutAssembly_ThrowsClearError()
    {
        var error = Assert.Throws<HoconException>(() => Load("include classpath(\"x.conf\")"));
        Assert.Contains("ConfigParseOptions.ResourceAssembly", error.Reason);
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFile()
    {
        _dir.Write("bad.conf", "ok = 1\nbroken = [1,");
        var error = Assert.Throws<HoconException>(() => Load("include \"bad.conf\""));
        Assert.Equal("bad.conf", error.Origin);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("include foo")]
    [InlineData("include required(foo)")]
    [InlineData("include file(\"a\"")]
    [InlineData("include required(required(\"a\"))")]
    public void Include_MalformedStatement_Throws(string text)
    {
        Assert.Throws<HoconException>(() => Load(text));
    }

    [Fact]
    public void ParseFile_Missing_ThrowsWithPath()
    {
        string path = System.IO.Path.Combine(_dir.Path, "absent.conf");
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(path));
        Assert.Equal($"{path}: config file not found", error.Message);
    }
}
