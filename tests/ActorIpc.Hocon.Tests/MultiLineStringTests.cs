namespace ActorIpc.Hocon.Tests;

public class MultiLineStringTests
{
    [Fact]
    public void Parse_TripleQuotes_KeepNewlinesAndBackslashesLiterally()
    {
        var config = Hocon.Parse("a = \"\"\"line1\n  \\n \"quoted\"\nline3\"\"\"");
        Assert.Equal("line1\n  \\n \"quoted\"\nline3", config.GetString("a"));
    }

    [Fact]
    public void Parse_ExtraClosingQuotes_BelongToTheString()
    {
        Assert.Equal("foo\"\"", Hocon.Parse("a = \"\"\"foo\"\"\"\"\"").GetString("a"));
    }

    [Fact]
    public void Parse_LinesAfterMultiLineString_HaveRightPositions()
    {
        var config = Hocon.Parse("a = \"\"\"x\ny\nz\"\"\"\nb = 1");
        var b = config.GetValue("b")!;
        Assert.Equal(4, b.Line);
        Assert.Equal(5, b.Column);
    }

    [Fact]
    public void Parse_UnterminatedMultiLineString_Throws()
    {
        Assert.Contains("unterminated multi-line string", Hocon.Error("a = \"\"\"abc").Reason);
    }
}
