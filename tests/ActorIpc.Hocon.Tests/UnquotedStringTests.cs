namespace ActorIpc.Hocon.Tests;

public class UnquotedStringTests
{
    [Fact]
    public void Parse_UnquotedText_IsString()
    {
        var value = Hocon.Parse("a = round-robin-pool").GetValue("a");
        var text = Assert.IsType<HoconString>(value);
        Assert.Equal("round-robin-pool", text.Value);
    }

    [Fact]
    public void Parse_InnerWhitespace_IsKeptAndEndsAreTrimmed()
    {
        Assert.Equal("foo  bar\tbaz", Hocon.Parse("a =   foo  bar\tbaz   ").GetString("a"));
    }

    [Theory]
    [InlineData('$')]
    [InlineData('^')]
    [InlineData('`')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('@')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('\\')]
    [InlineData('+')]
    public void Parse_ForbiddenCharacterInUnquotedValue_Throws(char forbidden)
    {
        Hocon.Error($"a = foo{forbidden}bar");
    }

    [Fact]
    public void Parse_ForbiddenCharactersInQuotes_AreFine()
    {
        Assert.Equal("$^`?!@*&\\+", Hocon.Parse("a = \"$^`?!@*&\\\\+\"").GetString("a"));
    }

    [Theory]
    [InlineData("a = yes", "yes")]
    [InlineData("a = off", "off")]
    [InlineData("a = truefoo", "truefoo")]
    [InlineData("a = footrue", "footrue")]
    [InlineData("a = 127.0.0.1", "127.0.0.1")]
    [InlineData("a = 10.0bar", "10.0bar")]
    [InlineData("a = -foo", "-foo")]
    public void Parse_TextThatIsNotAKeyword_StaysAString(string text, string expected)
    {
        var value = Hocon.Parse(text).GetValue("a");
        Assert.Equal(HoconType.String, value!.Type);
        Assert.Equal(expected, ((HoconString)value).Value);
    }

    [Fact]
    public void Parse_IncludeAsValue_IsTheString()
    {
        Assert.Equal("""{"a":"include","b":["include"]}""", Hocon.Json("a = include\nb = [include]"));
    }
}
