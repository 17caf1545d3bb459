namespace ActorIpc.Hocon.Tests;

public class ErrorMessageTests
{
    private static HoconException ParseError(string text) => Hocon.Error(text, "cluster.conf");

    [Fact]
    public void Parse_MissingSeparator_NamesKeyAndFoundToken()
    {
        var error = ParseError("actoripc {\n  x = 1\n}\nfoo.a ]");
        Assert.Equal("cluster.conf:4:7: expected '=' , ':' or '{' after key \"foo.a\", found ']'", error.Message);
        Assert.Equal("cluster.conf", error.Origin);
        Assert.Equal(4, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal("foo.a", error.Path);
        Assert.Equal("expected '=' , ':' or '{' after key \"foo.a\", found ']'", error.Reason);
    }

    [Fact]
    public void Resolve_UnresolvedSubstitution_NamesSubstitutionPositionAndPath()
    {
        var error = ParseError("actoripc {\n  cluster {\n    seed-nodes = ${cluster.seed}\n  }\n}");
        Assert.Equal("cluster.conf:3:18: unresolved substitution ${cluster.seed} at actoripc.cluster.seed-nodes", error.Message);
        Assert.Equal("actoripc.cluster.seed-nodes", error.Path);
    }

    [Fact]
    public void Getter_WrongDuration_NamesPathPositionAndValue()
    {
        var config = Hocon.Parse("actoripc.actor {\n  x = 1\n  ask-timeout = fast\n}", "cluster.conf");
        var error = Assert.Throws<HoconException>(() => config.GetTimeSpan("actoripc.actor.ask-timeout"));
        Assert.Equal("expected a duration at actoripc.actor.ask-timeout (cluster.conf:3:17), got the string \"fast\"", error.Message);
        Assert.Equal("expected a duration at actoripc.actor.ask-timeout, got the string \"fast\"", error.Reason);
        Assert.Equal(3, error.Line);
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void Parse_UnterminatedObject_PointsAtOpeningBrace()
    {
        var error = ParseError("a {\n  b = 1\n");
        Assert.Equal("cluster.conf:3:1: expected '}' to close the object opened at 1:3, found end of input", error.Message);
    }

    [Fact]
    public void Parse_UnterminatedArray_PointsAtOpeningBracket()
    {
        Assert.Equal("cluster.conf:1:10: expected ']' to close the array opened at 1:5, found end of input", ParseError("a = [1, 2").Message);
    }

    [Fact]
    public void Parse_StrayClosingBrace_SaysUnbalanced()
    {
        Assert.StartsWith("cluster.conf:1:7: unbalanced '}'", ParseError("a = 1 }").Message);
    }

    [Fact]
    public void Parse_SubstitutionInKey_SaysNotAllowed()
    {
        Assert.StartsWith("cluster.conf:2:1: substitutions are not allowed in keys", ParseError("a = 1\n${a} = 2").Message);
    }

    [Fact]
    public void Parse_MissingValue_NamesKey()
    {
        Assert.Equal("cluster.conf:1:5: expected a value for key \"a\", found ','", ParseError("a = , b = 1").Message);
    }

    [Fact]
    public void Parse_BadEscape_PointsAtBackslash()
    {
        Assert.StartsWith("cluster.conf:1:8: invalid escape '\\q'", ParseError("a = \"ab\\q\"").Message);
    }

    [Fact]
    public void Resolve_Cycle_ListsChainAndPath()
    {
        var error = ParseError("bar = ${foo}\nfoo = ${bar}");
        Assert.Equal("cluster.conf:2:7: substitution cycle: bar -> ${foo} -> foo -> ${bar} -> bar", error.Message);
        Assert.Equal("bar", error.Path);
    }

    [Fact]
    public void ParseString_DefaultOrigin_IsString()
    {
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseString("a = [", new ConfigParseOptions()));
        Assert.Equal("string", error.Origin);
    }

    [Fact]
    public void HoconException_IsActorIpcException()
    {
        Assert.IsAssignableFrom<ActorIpcException>(ParseError("a ="));
    }
}
