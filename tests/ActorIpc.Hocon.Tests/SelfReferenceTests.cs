namespace ActorIpc.Hocon.Tests;

public class SelfReferenceTests
{
    [Fact]
    public void Resolve_StringAppendsToEarlierValue()
    {
        Assert.Equal("a:b:c:d", Hocon.Parse("path = \"a:b:c\"\npath = ${path}\":d\"").GetString("path"));
    }

    [Fact]
    public void Resolve_ArrayAppendsToEarlierValue()
    {
        Assert.Equal(["/bin", "/usr/bin"], Hocon.Parse("path = [/bin]\npath = ${path} [/usr/bin]").GetStringList("path"));
    }

    [Fact]
    public void Resolve_ObjectExtendsEarlierValue()
    {
        var config = Hocon.Parse("a { x = 1 }\na = ${a} { b = 1 }");
        Assert.Equal("""{"a":{"x":1,"b":1}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_SelfReferenceInsideNestedField_LooksBack()
    {
        Assert.Equal([1, 2, 3, 4], Hocon.Parse("a { b = [1, 2] }\na { b = ${a.b} [3, 4] }").GetIntList("a.b"));
    }

    [Fact]
    public void Resolve_SelfReferenceThroughPath_UsesValueBelow()
    {
        var config = Hocon.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");
        Assert.Equal("""{"foo":{"a":2,"c":1}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_ReferToOverriddenObject()
    {
        Assert.Equal(1, Hocon.Parse("foo : { a : 1 }\nfoo : ${foo}").GetInt("foo.a"));
    }

    [Fact]
    public void Resolve_OptionalSelfReferenceWithoutEarlierValue_Disappears()
    {
        var config = Hocon.Parse("foo = ${?foo}\nbar = ${?bar}x");
        Assert.False(config.HasPath("foo"));
        Assert.Equal("x", config.GetString("bar"));
    }

    [Fact]
    public void Resolve_SelfReferenceWithoutEarlierValue_Throws()
    {
        var error = Hocon.Error("foo = ${foo}");
        Assert.Equal("test.conf:1:7: unresolved substitution ${foo} at foo (it refers to the field being defined, which has no earlier value)", error.Message);
    }

    [Fact]
    public void Resolve_SelfReferenceBeforeObject_Throws()
    {
        Assert.Contains("unresolved substitution ${foo}", Hocon.Error("foo = ${foo}\nfoo = { a = 1 }").Reason);
    }

    [Fact]
    public void Resolve_MixedMergesAndSubstitutions_FollowTheStack()
    {
        var config = Hocon.Parse("x = { q : 10 }\ny = 5\na = 1\na.q.r.s = ${b}\na = ${y}\na = ${x}\na = { c : 3 }\nb = ${x}\nb = ${y}");
        Assert.Equal("""{"q":10,"c":3}""", config.GetConfig("a").ToJson(false));
        Assert.Equal(5, config.GetInt("b"));
    }

    [Fact]
    public void Resolve_OptionalIndirectSelfReferenceInConcat_BothFieldsGetTheValue()
    {
        // lightbend/config's substOptionalIndirectSelfReferenceInConcat: the ${?b} inside a meets a
        // cycle back to a and counts as undefined, so a = "foo"; b, undefined only from inside
        // that cycle, is then resolved again and gets a's value.
        var config = Hocon.Parse("a = ${?b}foo\nb = ${?a}");
        Assert.Equal("""{"a":"foo","b":"foo"}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_OptionalIndirectSelfReference_OtherOrder_BothFieldsGetTheValue()
    {
        var config = Hocon.Parse("b = ${?a}\na = ${?b}foo");
        Assert.Equal("foo", config.GetString("a"));
        Assert.Equal("foo", config.GetString("b"));
    }

    [Fact]
    public void Resolve_OptionalCycleThroughThreeFields_AllGetTheValue()
    {
        var config = Hocon.Parse("a = ${?b}foo\nb = ${?c}\nc = ${?a}");
        Assert.Equal("""{"a":"foo","b":"foo","c":"foo"}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_OptionalCycleWithDefinedValue_KeepsTheValueFoundInTheCycle()
    {
        // As in the reference: b is defined ("bar") when first resolved inside a's cycle, and keeps it.
        var config = Hocon.Parse("a = ${?b}foo\nb = ${?a}bar");
        Assert.Equal("barfoo", config.GetString("a"));
        Assert.Equal("bar", config.GetString("b"));
    }

    [Fact]
    public void Resolve_NonOptionalLinkInOptionalCycle_IsStillACycle()
    {
        Assert.StartsWith("substitution cycle", Hocon.Error("a = ${?b}foo\nb = ${a}").Reason);
    }
}
