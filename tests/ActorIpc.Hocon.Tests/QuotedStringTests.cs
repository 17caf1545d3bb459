namespace ActorIpc.Hocon.Tests;

public class QuotedStringTests
{
    [Fact]
    public void Parse_JsonEscapes_AreDecoded()
    {
        var config = Hocon.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9\u4e2d" """);
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9\u4e2d", config.GetString("a"));
    }

    [Theory]
    [InlineData("""a = "\x" """)]
    [InlineData("""a = "\u12" """)]
    [InlineData("""a = "\'" """)]
    public void Parse_BadEscape_Throws(string text)
    {
        Assert.Contains("escape", Hocon.Error(text).Reason);
    }

    [Fact]
    public void Parse_NewlineInQuotedString_Throws()
    {
        var error = Hocon.Error("a = \"abc\nd\"");
        Assert.Contains("unterminated quoted string", error.Reason);
    }

    [Fact]
    public void Parse_RawControlCharacter_Throws()
    {
        Assert.Contains("U+0001", Hocon.Error("a = \"a\u0001b\"").Reason);
    }

    [Fact]
    public void Parse_QuotedNullAndTrue_AreStrings()
    {
        Assert.Equal("""{"a":"null","b":"true"}""", Hocon.Json("a = \"null\", b = \"true\""));
    }

    [Fact]
    public void Parse_QuotedAndUnquotedConcatenation_KeepsInnerWhitespace()
    {
        Assert.Equal("foo bar baz", Hocon.Parse("a = foo \"bar\" baz").GetString("a"));
    }
}
