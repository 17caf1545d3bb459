namespace ActorIpc.Hocon.Tests;

public class MergingTests
{
    [Fact]
    public void Parse_DuplicateObjects_MergeRecursively()
    {
        var json = Hocon.Json("foo { bar { a = 42, b = 43 } }\nfoo { bar { b = 44, c = 45 } }");
        Assert.Equal("""{"foo":{"bar":{"a":42,"b":44,"c":45}}}""", json);
    }

    [Fact]
    public void Parse_LaterScalar_Overrides()
    {
        Assert.Equal("""{"a":42}""", Hocon.Json("a = literal\na = 42"));
    }

    [Fact]
    public void Parse_NullBetweenObjects_PreventsMerge()
    {
        Assert.Equal("""{"foo":{"b":43}}""", Hocon.Json("foo { a = 42 }\nfoo = null\nfoo { b = 43 }"));
    }

    [Fact]
    public void Parse_ObjectAfterScalar_ReplacesIt()
    {
        Assert.Equal("""{"a":{"c":3}}""", Hocon.Json("a.b = 1\na = 5\na.c = 3"));
    }

    [Fact]
    public void Parse_ScalarAfterObject_ReplacesIt()
    {
        Assert.Equal("""{"a":5}""", Hocon.Json("a { b = 1 }\na = 5"));
    }

    [Fact]
    public void Parse_DotAndBraceSyntax_MergeTogether()
    {
        Assert.Equal("""{"foo":{"x":1,"y":2,"z":32}}""", Hocon.Json("foo { x = 1 }\nfoo { y = 2 }\nfoo.z = 32"));
    }

    [Fact]
    public void Parse_DuplicateArrays_LaterWins()
    {
        Assert.Equal("""{"a":[6]}""", Hocon.Json("a = [2, 5]\na = [6]"));
    }

    [Fact]
    public void Parse_DuplicateKey_KeepsFirstPosition()
    {
        Assert.Equal(["a", "b"], Hocon.Parse("a = 1\nb = 2\na = 3").GetKeys(""));
    }
}
