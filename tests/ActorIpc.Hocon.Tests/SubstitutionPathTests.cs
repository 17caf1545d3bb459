namespace ActorIpc.Hocon.Tests;

/// <summary>
/// <c>${a.b.c}</c> is the path a → b → c and never the key written <c>"a.b.c"</c>, which only
/// <c>${"a.b.c"}</c> reaches, whichever of the two spellings the document uses first.
/// </summary>
public class SubstitutionPathTests
{
    [Fact]
    public void Resolve_DottedPath_IgnoresQuotedKeyWithDots()
    {
        var config = Hocon.Parse("a { b { c = 1 } }\n\"a.b.c\" = 2\nx = ${a.b.c}\ny = ${\"a.b.c\"}");
        Assert.Equal(1, config.GetInt("x"));
        Assert.Equal(2, config.GetInt("y"));
    }

    [Fact]
    public void Resolve_QuotedKeyWrittenFirst_DottedPathDoesNotReachIt()
    {
        var error = Hocon.Error("\"a.b.c\" = 2\nx = ${a.b.c}");
        Assert.Equal("test.conf:2:5: unresolved substitution ${a.b.c} at x", error.Message);
    }

    [Fact]
    public void Resolve_DottedPathWrittenFirst_QuotedKeyStaysOneKey()
    {
        var config = Hocon.Parse("x = ${a.b.c}\na.b.c = 1\n\"a.b.c\" = 2\ny = ${\"a.b.c\"}");
        Assert.Equal("""{"x":1,"a":{"b":{"c":1}},"a.b.c":2,"y":2}""", config.ToJson(false));
    }

    [Fact]
    public void Parse_QuotedKeyAfterSameDottedKey_IsOneKey()
    {
        // No spaces: the raw text of the unquoted key is then exactly a.b.
        var config = Hocon.Parse("a.b=1\n\"a.b\"=2");
        Assert.Equal("""{"a":{"b":1},"a.b":2}""", config.ToJson(false));
    }

    [Fact]
    public void Parse_QuotedElementAfterSameDottedKey_IsOneElement()
    {
        var config = Hocon.Parse("a.b=1\n\"a.b\".c=2\nx=${a.b}");
        Assert.Equal("""{"a":{"b":1},"a.b":{"c":2},"x":1}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_MixedQuotedPath_IsElementWise()
    {
        var config = Hocon.Parse("a { \"b.c\" { d = 1 }, b { c { d = 2 } } }\nx = ${a.\"b.c\".d}\ny = ${a.b.c.d}");
        Assert.Equal(1, config.GetInt("x"));
        Assert.Equal(2, config.GetInt("y"));
    }
}
