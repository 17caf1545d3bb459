namespace ActorIpc.Hocon.Tests;

public sealed class InvalidValueTests
{
    [Fact]
    public void InvalidValue_ValueWithPosition_NamesPathAndPosition()
    {
        var config = ConfigFactory.ParseString("a {\n  b = 100\n}", new ConfigParseOptions { OriginName = "app.conf" });

        var error = config.InvalidValue("a.b", "expected a power of two, got 100");

        Assert.Equal("expected a power of two, got 100 at a.b (app.conf:2:7)", error.Message);
        Assert.Equal("a.b", error.Path);
        Assert.Equal("app.conf", error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void InvalidValue_InSubConfig_NamesTheFullPath()
    {
        var config = ConfigFactory.ParseString("outer { inner { size = 3 } }").GetConfig("outer");

        var error = config.InvalidValue("inner.size", "too small");

        Assert.Equal("outer.inner.size", error.Path);
        Assert.StartsWith("too small at outer.inner.size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidValue_MissingPath_StillNamesIt()
    {
        var error = ConfigFactory.Empty.InvalidValue("x.y", "required here");

        Assert.Equal("required here at x.y", error.Message);
        Assert.Equal(0, error.Line);
    }
}
