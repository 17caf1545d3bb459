namespace ActorIpc.Hocon.Tests;

public class GetterTests
{
    private static readonly Config Sample = Hocon.Parse("""
        s = hello
        n = 42
        big = 9000000000
        d = 2.5
        str-number = "10"
        str-double = "2.5"
        t = true
        y = yes
        off = off
        nul = null
        obj { a = 1, b { c = 2 } }
        list = [a, b]
        ints = [1, "2", 3]
        objs = [{ x = 1 }, { x = 2 }]
        indexed { "1" = b, "0" = a }
        """);

    [Fact]
    public void GetString_ConvertsNumbersAndBooleans()
    {
        Assert.Equal("hello", Sample.GetString("s"));
        Assert.Equal("42", Sample.GetString("n"));
        Assert.Equal("2.5", Sample.GetString("d"));
        Assert.Equal("true", Sample.GetString("t"));
    }

    [Fact]
    public void GetInt_ParsesNumericStrings()
    {
        Assert.Equal(42, Sample.GetInt("n"));
        Assert.Equal(10, Sample.GetInt("str-number"));
        Assert.Equal(2.5, Sample.GetDouble("str-double"));
        Assert.Equal(9_000_000_000L, Sample.GetLong("big"));
    }

    [Fact]
    public void GetInt_OutOfRangeOrFractional_Throws()
    {
        Assert.Throws<HoconException>(() => Sample.GetInt("big"));
        Assert.Throws<HoconException>(() => Sample.GetInt("d"));
        Assert.Throws<HoconException>(() => Sample.GetInt("s"));
    }

    [Fact]
    public void GetBoolean_AcceptsYesNoOnOff()
    {
        Assert.True(Sample.GetBoolean("t"));
        Assert.True(Sample.GetBoolean("y"));
        Assert.False(Sample.GetBoolean("off"));
        Assert.Throws<HoconException>(() => Sample.GetBoolean("s"));
    }

    [Fact]
    public void Getters_Missing_ThrowMissingPath()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetString("obj.nope"));
        Assert.Equal("missing path obj.nope", error.Message);
        Assert.Equal("obj.nope", error.Path);
    }

    [Fact]
    public void Getters_WithDefault_UseDefaultForMissingAndNull()
    {
        Assert.Equal("dflt", Sample.GetString("nope", "dflt"));
        Assert.Equal("dflt", Sample.GetString("nul", "dflt"));
        Assert.Equal(7, Sample.GetInt("nul", 7));
        Assert.Equal(42, Sample.GetInt("n", 7));
        Assert.True(Sample.GetBoolean("nope", true));
        Assert.Equal(1.5, Sample.GetDouble("nope", 1.5));
        Assert.Equal(3L, Sample.GetLong("nope", 3L));
        Assert.Equal(TimeSpan.FromSeconds(1), Sample.GetTimeSpan("nope", TimeSpan.FromSeconds(1)));
        Assert.Equal(5L, Sample.GetByteSize("nope", 5L));
    }

    [Fact]
    public void Getters_WithDefault_StillThrowOnWrongType()
    {
        Assert.Throws<HoconException>(() => Sample.GetInt("s", 1));
        Assert.Throws<HoconException>(() => Sample.GetString("obj", "x"));
    }

    [Fact]
    public void GetString_Null_ThrowsWithoutDefault()
    {
        Assert.Contains("got null", Assert.Throws<HoconException>(() => Sample.GetString("nul")).Message);
    }

    [Fact]
    public void HasPath_IsFalseForMissingAndNull()
    {
        Assert.True(Sample.HasPath("obj.b.c"));
        Assert.False(Sample.HasPath("nul"));
        Assert.False(Sample.HasPath("nope.deeper"));
        Assert.False(Sample.HasPath("s.deeper"));
    }

    [Fact]
    public void GetValue_ThroughNonObject_Throws()
    {
        Assert.Contains("expected an object at s", Assert.Throws<HoconException>(() => Sample.GetValue("s.x")).Message);
    }

    [Fact]
    public void GetConfig_ReturnsSubtreeAndKeepsFullPathInErrors()
    {
        var sub = Sample.GetConfig("obj");
        Assert.Equal(2, sub.GetInt("b.c"));
        Assert.Equal(["a", "b"], sub.GetKeys(""));
        Assert.Equal("missing path obj.zzz", Assert.Throws<HoconException>(() => sub.GetInt("zzz")).Message);
        Assert.True(Sample.GetConfig("nope").IsEmpty);
    }

    [Fact]
    public void GetKeys_ListsDirectChildren()
    {
        Assert.Equal(["c"], Sample.GetKeys("obj.b"));
        Assert.Empty(Sample.GetKeys("nope"));
        Assert.Throws<HoconException>(() => Sample.GetKeys("s"));
    }

    [Fact]
    public void GetLists_ConvertElements()
    {
        Assert.Equal(["a", "b"], Sample.GetStringList("list"));
        Assert.Equal([1, 2, 3], Sample.GetIntList("ints"));
        Assert.Equal([1L, 2L, 3L], Sample.GetLongList("ints"));
        Assert.Equal([1.0, 2.0, 3.0], Sample.GetDoubleList("ints"));
        Assert.Equal([2, 1], Sample.GetConfigList("objs").Select(c => c.GetInt("x")).Reverse());
        Assert.Equal(["a", "b"], Sample.GetStringList("indexed"));
        Assert.Equal([true, false], Hocon.Parse("b = [yes, false]").GetBooleanList("b"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(5)], Hocon.Parse("t = [1s, 5]").GetTimeSpanList("t"));
        Assert.Equal([1024L, 1L], Hocon.Parse("z = [1K, 1]").GetByteSizeList("z"));
    }

    [Fact]
    public void GetList_BadElement_NamesIndex()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetIntList("list"));
        Assert.StartsWith("expected a 32-bit integer at list[0] (test.conf:12:9), got the string \"a\"", error.Message);
    }

    [Fact]
    public void GetList_NotAnArray_Throws()
    {
        Assert.Throws<HoconException>(() => Sample.GetStringList("s"));
        Assert.Throws<HoconException>(() => Sample.GetConfigList("list"));
    }
}
