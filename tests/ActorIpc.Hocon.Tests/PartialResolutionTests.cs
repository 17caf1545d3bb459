namespace ActorIpc.Hocon.Tests;

/// <summary>
/// A substitution into a field defined by several merged values needs only the part of the merge
/// it looks up, as in lightbend/config: <c>item1 = ${defaults}</c> then <c>item1.b = 7</c> settles
/// <c>item1.b</c> without resolving <c>${defaults}</c>, so <c>defaults</c> may refer to it.
/// </summary>
public class PartialResolutionTests
{
    [Fact]
    public void Resolve_ObjectSubstitutionWithLaterKey_ReferredToByTheSubstitutedObject_Resolves()
    {
        var config = Hocon.Parse("defaults { a = ${item1.b} }\nitem1 = ${defaults}\nitem1.b = 7");
        Assert.Equal("""{"defaults":{"a":7},"item1":{"a":7,"b":7}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_DottedDefaultsKey_Resolves()
    {
        var config = Hocon.Parse("defaults.a = ${item1.b}\nitem1 = ${defaults}\nitem1.b = 7");
        Assert.Equal("""{"defaults":{"a":7},"item1":{"a":7,"b":7}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_LaterKeyInBraces_Resolves()
    {
        var config = Hocon.Parse("defaults { a = ${item1.b} }\nitem1 = ${defaults}\nitem1 { b = 7 }");
        Assert.Equal("""{"defaults":{"a":7},"item1":{"a":7,"b":7}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_TwoLevelsDeep_Resolves()
    {
        var config = Hocon.Parse("defaults { a = ${item1.x.y} }\nitem1 = ${defaults}\nitem1.x.y = 7");
        Assert.Equal("""{"defaults":{"a":7},"item1":{"a":7,"x":{"y":7}}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_InsideNestedObject_Resolves()
    {
        var config = Hocon.Parse("app { defaults { a = ${app.item1.b} }\nitem1 = ${app.defaults}\nitem1.b = 7 }");
        Assert.Equal("""{"app":{"defaults":{"a":7},"item1":{"a":7,"b":7}}}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_SubstitutedObjectAboveLaterKey_ResolvesOnlyTheFieldNeeded()
    {
        // item1 is ${defaults} merged over { b = 7 }: item1.b is defaults.b, which does not need
        // defaults.a (lightbend/config's avoidDelayedMergeObjectResolveProblem5 with defaults first).
        var config = Hocon.Parse("defaults { a = ${item1.b}, b = 2 }\nitem1.b = 7\nitem1 = ${defaults}\nitem2.b = ${item1.b}");
        Assert.Equal(2, config.GetInt("defaults.a"));
        Assert.Equal(2, config.GetInt("item1.a"));
        Assert.Equal(2, config.GetInt("item1.b"));
        Assert.Equal(2, config.GetInt("item2.b"));
    }

    [Fact]
    public void Resolve_ObjectValuedLaterKey_MergesWithTheSubstitutedObject()
    {
        var config = Hocon.Parse("defaults { a = ${item1.b.c}, b = 2 }\nitem1.b.c = 100\nitem1 = ${defaults}\nitem1.b = { c : 43 }");
        Assert.Equal(43, config.GetInt("defaults.a"));
        Assert.Equal(43, config.GetInt("item1.b.c"));
    }

    [Fact]
    public void Resolve_FieldResolvedFirst_LooksBackAsASelfReference()
    {
        // Written first, item1 is resolved first; ${item1.b}, reached while its ${defaults} is
        // resolved, is then a self-reference that sees only what lies below ${defaults}: here item1.b = 100.
        var config = Hocon.Parse("item1.b.c = 100\ndefaults { a = ${item1.b.c}, b = 2 }\nitem1 = ${defaults}\nitem1.b = { c : 43 }");
        Assert.Equal(100, config.GetInt("defaults.a"));
        Assert.Equal(43, config.GetInt("item1.b.c"));
    }

    [Fact]
    public void Resolve_NeededFieldItselfRefersBack_IsStillACycle()
    {
        var error = Hocon.Error("defaults { b = ${item1.b} }\nitem1 = ${defaults}\nitem1.c = 1");
        Assert.Equal("substitution cycle: defaults -> defaults.b -> ${item1.b} -> item1 -> ${defaults} -> defaults", error.Reason);
    }

    [Fact]
    public void Resolve_ConcatenatedObjectSubstitution_IsStillACycle()
    {
        // The reference reports this one as a cycle too: it does not look inside a concatenation.
        Assert.StartsWith("substitution cycle", Hocon.Error("defaults { a = ${item1.b} }\nitem1 = ${defaults} { b = 7 }").Reason);
    }

    [Fact]
    public void Resolve_TwoFieldCycle_IsStillACycle()
    {
        var error = Hocon.Error("a = ${b}\nb = ${a}");
        Assert.Equal("substitution cycle: a -> ${b} -> b -> ${a} -> a", error.Reason);
    }

    [Fact]
    public void Resolve_SelfReferenceIntoOwnPath_IsReportedAsToday()
    {
        var error = Hocon.Error("a = ${a.b}");
        Assert.Equal("test.conf:1:5: unresolved substitution ${a.b} at a (it refers to the field being defined, which has no earlier value)", error.Message);
        Assert.Equal(1, Hocon.Parse("a { b = 1 }\na = ${a.b}").GetInt("a"));
    }

    [Fact]
    public void Resolve_SelfReferenceAlongPathInStack_StillLooksBack()
    {
        var config = Hocon.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }\nbar = ${foo.a}");
        Assert.Equal("""{"a":2,"c":1}""", config.GetConfig("foo").ToJson(false));
        Assert.Equal(2, config.GetInt("bar"));
    }
}
