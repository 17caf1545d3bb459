namespace ActorIpc.Hocon.Tests;

public class PlusEqualsTests
{
    [Fact]
    public void Resolve_PlusEquals_AppendsToArray()
    {
        var config = Hocon.Parse("a = [1, 2]\na += 3\na += ${b}\nb = [4, 5]");
        Assert.Equal("""{"a":[1,2,3,[4,5]],"b":[4,5]}""", config.ToJson(false));
    }

    [Fact]
    public void Resolve_PlusEqualsFirstMention_CreatesArray()
    {
        Assert.Equal(["x"], Hocon.Parse("a += x").GetStringList("a"));
    }

    [Fact]
    public void Resolve_PlusEqualsInNestedObject_UsesFullPath()
    {
        Assert.Equal([1, 2], Hocon.Parse("o { list = [1] }\no { list += 2 }").GetIntList("o.list"));
    }

    [Fact]
    public void Resolve_PlusEqualsOnNonArray_Throws()
    {
        Assert.Contains("cannot concatenate the string \"x\" with an array", Hocon.Error("a = x\na += 1").Reason);
    }
}
