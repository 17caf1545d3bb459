namespace ActorIpc.Hocon.Tests;

public class PathExpressionTests
{
    [Fact]
    public void Parse_DottedKey_CreatesNestedObjects()
    {
        Assert.Equal("""{"a":{"b":{"c":1}}}""", Hocon.Json("a.b.c = 1"));
    }

    [Fact]
    public void Parse_QuotedSegment_KeepsItsDots()
    {
        var config = Hocon.Parse("a.\"b.c\".d = 1");
        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.Equal(["b.c"], config.GetKeys("a"));
    }

    [Fact]
    public void Parse_WhitespaceInsideKey_IsKept()
    {
        Assert.Equal("""{"a b c":42}""", Hocon.Json("a b c : 42"));
    }

    [Theory]
    [InlineData("true : 1", """{"true":1}""")]
    [InlineData("3 : 1", """{"3":1}""")]
    [InlineData("3.14 : 1", """{"3":{"14":1}}""")]
    [InlineData("10.0foo : 1", """{"10":{"0foo":1}}""")]
    [InlineData("foo10.0 : 1", """{"foo10":{"0":1}}""")]
    [InlineData("a.\"\".b : 1", """{"a":{"":{"b":1}}}""")]
    public void Parse_SpecPathExamples_GiveSpecKeys(string text, string json)
    {
        Assert.Equal(json, Hocon.Json(text));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Parse_EmptyPathElement_Throws(string text)
    {
        Assert.Contains("'.'", Hocon.Error(text).Reason);
    }

    [Fact]
    public void GetValue_QuotedPathWithEscape_FindsKey()
    {
        var config = Hocon.Parse("\"a\\\"b\" = 1");
        Assert.Equal(1, config.GetInt("\"a\\\"b\""));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("")]
    public void GetValue_InvalidPath_Throws(string path)
    {
        Assert.Throws<HoconException>(() => Hocon.Parse("a = 1").GetValue(path));
    }

    [Fact]
    public void Parse_IncludeLaterInKey_IsAnOrdinaryKey()
    {
        Assert.Equal("""{"foo include":42,"include":1}""", Hocon.Json("foo include : 42\n\"include\" : 1"));
    }
}
