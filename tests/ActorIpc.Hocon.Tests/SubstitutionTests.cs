namespace ActorIpc.Hocon.Tests;

public class SubstitutionTests
{
    [Fact]
    public void Resolve_SimpleSubstitution_PreservesType()
    {
        var config = Hocon.Parse("a = 10.5\nb = ${a}\nc = { x = 1 }\nd = ${c}");
        Assert.Equal(HoconType.Number, config.GetValue("b")!.Type);
        Assert.Equal(10.5, config.GetDouble("b"));
        Assert.Equal(1, config.GetInt("d.x"));
    }

    [Fact]
    public void Resolve_SubstitutionInConcatenation_BecomesString()
    {
        Assert.Equal("Hello Roger!", Hocon.Parse("name = Roger\nc = Hello ${name}\"!\"").GetString("c"));
    }

    [Fact]
    public void Resolve_LooksForward()
    {
        Assert.Equal(42, Hocon.Parse("a = ${b}\nb = 42").GetInt("a"));
    }

    [Fact]
    public void Resolve_UsesFinalMergedValue()
    {
        Assert.Equal(43, Hocon.Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }").GetInt("bar.baz"));
    }

    [Fact]
    public void Resolve_MutuallyReferringObjects_Resolve()
    {
        var config = Hocon.Parse("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");
        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void Resolve_NotInsideQuotes()
    {
        Assert.Equal("${a}", Hocon.Parse("a = 1\nb = \"${a}\"").GetString("b"));
    }

    [Fact]
    public void Resolve_OptionalMissingField_IsRemoved()
    {
        var config = Hocon.Parse("a { b = 1, c = ${?nope} }");
        Assert.False(config.HasPath("a.c"));
        Assert.Equal(["b"], config.GetKeys("a"));
    }

    [Fact]
    public void Resolve_OptionalMissing_KeepsEarlierValue()
    {
        Assert.Equal(2, Hocon.Parse("b = 2\nb = ${?nope}").GetInt("b"));
    }

    [Fact]
    public void Resolve_OptionalMissingArrayElement_IsDropped()
    {
        Assert.Equal([1, 3], Hocon.Parse("a = [1, ${?nope}, 3]").GetIntList("a"));
    }

    [Fact]
    public void Resolve_OptionalMissingInConcatenation_IsEmpty()
    {
        var config = Hocon.Parse("s = a${?nope}b\narr = ${?nope} [1]\nobj = ${?nope} { x = 1 }\nboth = ${?x}${?y}");
        Assert.Equal("ab", config.GetString("s"));
        Assert.Equal([1], config.GetIntList("arr"));
        Assert.Equal(1, config.GetInt("obj.x"));
        Assert.False(config.HasPath("both"));
    }

    [Fact]
    public void Resolve_NullInConcatenation_IsTheWordNull()
    {
        Assert.Equal("x null", Hocon.Parse("n = null\ns = x ${n}").GetString("s"));
    }

    [Fact]
    public void Resolve_Missing_ThrowsWithPositionAndPath()
    {
        var error = Hocon.Error("a {\n  b = ${foo.bar}\n}");
        Assert.Equal("test.conf:2:7: unresolved substitution ${foo.bar} at a.b", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal("a.b", error.Path);
    }

    [Fact]
    public void Resolve_Cycle_ThrowsWithChain()
    {
        var error = Hocon.Error("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Equal("substitution cycle: a -> ${b} -> b -> ${c} -> c -> ${a} -> a", error.Reason);
    }

    [Fact]
    public void Resolve_ObjectReferringToItself_IsCycle()
    {
        Assert.StartsWith("substitution cycle", Hocon.Error("a { x = 1, y = ${a} }").Reason);
    }

    [Fact]
    public void Resolve_ArrayContainingItself_IsCycle()
    {
        Assert.StartsWith("substitution cycle", Hocon.Error("a = [1]\na = [${a}]").Reason);
    }

    [Theory]
    [InlineData("a = $ {b}")]
    [InlineData("a = ${ ?b}")]
    [InlineData("a = ${b.${c}}")]
    [InlineData("${a} = 1")]
    [InlineData("a = ${}")]
    [InlineData("a = ${b")]
    public void Parse_MalformedSubstitution_Throws(string text)
    {
        Hocon.Error(text);
    }

    [Fact]
    public void Resolve_HiddenSubstitution_IsNeverEvaluated()
    {
        Assert.Equal(42, Hocon.Parse("foo = ${does-not-exist}\nfoo = 42").GetInt("foo"));
    }

    [Fact]
    public void Parse_ResolveFalse_KeepsSubstitutionsUntilResolve()
    {
        var config = ConfigFactory.ParseString("a = ${b}", new ConfigParseOptions { Resolve = false, UseEnvironment = false });
        Assert.False(config.IsResolved);
        Assert.Equal(HoconType.Unresolved, config.GetValue("a")!.Type);
        var resolved = config.WithFallback(Hocon.Parse("b = 5")).Resolve();
        Assert.True(resolved.IsResolved);
        Assert.Equal(5, resolved.GetInt("a"));
    }
}
