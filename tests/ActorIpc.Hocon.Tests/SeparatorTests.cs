namespace ActorIpc.Hocon.Tests;

public class SeparatorTests
{
    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1,")]
    [InlineData("{ a : 1 }")]
    [InlineData("{\"a\":1}")]
    public void Parse_KeyValueSeparators_AllMeanTheSame(string text)
    {
        Assert.Equal("""{"a":1}""", Hocon.Json(text));
    }

    [Fact]
    public void Parse_BraceAfterKey_NeedsNoSeparator()
    {
        Assert.Equal("""{"a":{"b":1}}""", Hocon.Json("a { b = 1 }"));
    }

    [Fact]
    public void Parse_NewlinesReplaceCommas_InObjectsAndArrays()
    {
        Assert.Equal("""{"a":1,"b":[1,2],"c":3}""", Hocon.Json("a = 1\nb = [\n1\n2\n]\nc = 3"));
    }

    [Fact]
    public void Parse_CommaAfterNewline_IsAccepted()
    {
        Assert.Equal("""{"a":[1,2]}""", Hocon.Json("a = [1\n, 2]"));
    }

    [Fact]
    public void Parse_OneTrailingComma_IsIgnored()
    {
        Assert.Equal("""{"a":[1,2],"b":2}""", Hocon.Json("a = [1, 2,], b = 2,"));
    }

    [Theory]
    [InlineData("a = [1,,2]")]
    [InlineData("a = [,1]")]
    [InlineData("a = [1,,]")]
    [InlineData("{a = 1,, b = 2}")]
    [InlineData("{, a = 1}")]
    [InlineData("a = 1,,")]
    public void Parse_ExtraCommas_Throw(string text)
    {
        Assert.Contains("found ','", Hocon.Error(text).Message);
    }

    [Fact]
    public void Parse_TwoFieldsOnOneLineWithoutComma_Throws()
    {
        var error = Hocon.Error("a = 1 ]");
        Assert.Equal("test.conf:1:7: expected ',', a newline or '}' after the value of key \"a\", found ']'", error.Message);
    }

    [Fact]
    public void Parse_EmptyDocument_IsEmptyObject()
    {
        Assert.True(Hocon.Parse("  \n\t").IsEmpty);
    }

    [Theory]
    [InlineData("{ a = 1 } }")]
    [InlineData("a = 1 }")]
    [InlineData("{ a = 1")]
    [InlineData("[1, 2]")]
    [InlineData("just-a-string")]
    public void Parse_InvalidRoot_Throws(string text)
    {
        Hocon.Error(text);
    }

    [Fact]
    public void Parse_WhitespaceKinds_AreAllWhitespace()
    {
        // NBSP, em space, BOM, vertical tab and the unit separator are all HOCON whitespace.
        var config = Hocon.Parse("\uFEFFa\u00A0=\u2003x\u000B\nb =\u001F y");
        Assert.Equal("x", config.GetString("a"));
        Assert.Equal("y", config.GetString("b"));
    }
}
