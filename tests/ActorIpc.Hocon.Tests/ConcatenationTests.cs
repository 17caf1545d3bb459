namespace ActorIpc.Hocon.Tests;

public class ConcatenationTests
{
    [Fact]
    public void Parse_SimpleValues_ConcatenateToString()
    {
        Assert.Equal("""{"a":"1 true null x"}""", Hocon.Json("a = 1 true null x"));
    }

    [Fact]
    public void Parse_SingleValue_KeepsItsType()
    {
        Assert.Equal(HoconType.Boolean, Hocon.Parse("a = true").GetValue("a")!.Type);
    }

    [Fact]
    public void Parse_Arrays_Concatenate()
    {
        Assert.Equal("""{"a":[1,2,3,4]}""", Hocon.Json("a = [1, 2] [3, 4]"));
    }

    [Fact]
    public void Parse_Objects_MergeWithLaterWinning()
    {
        Assert.Equal("""{"a":{"b":1,"c":3}}""", Hocon.Json("a = { b = 1, c = 2 } { c = 3 }"));
    }

    [Fact]
    public void Parse_ArraysSeparatedByNewline_AreTwoElements()
    {
        Assert.Equal("""{"a":[[1,2],[3,4]]}""", Hocon.Json("a = [ [1, 2]\n [3, 4] ]"));
    }

    [Fact]
    public void Parse_WhitespaceInsideArray_ConcatenatesElement()
    {
        Assert.Equal("""{"a":["1 2 3 4"]}""", Hocon.Json("a = [1 2 3 4]"));
    }

    [Theory]
    [InlineData("a = [1] x", "an array", "the string \"x\"")]
    [InlineData("a = x [1]", "the string \"x\"", "an array")]
    [InlineData("a = {b = 1} [1]", "an object", "an array")]
    [InlineData("a = [1] {b = 1}", "an array", "an object")]
    [InlineData("a = {b = 1} x", "an object", "the string \"x\"")]
    public void Parse_MixedKinds_Throw(string text, string left, string right)
    {
        var error = Hocon.Error(text);
        Assert.Contains($"cannot concatenate {left} with {right} at a", error.Reason);
        Assert.Equal("a", error.Path);
    }

    [Fact]
    public void Parse_QuotedWhitespaceBetweenArrays_Throws()
    {
        Hocon.Error("a = [1] \" \" [2]");
    }

    [Fact]
    public void Resolve_SubstitutedArrayWithString_Throws()
    {
        var error = Hocon.Error("a = [1]\nb = ${a} x");
        Assert.Contains("cannot concatenate an array with the string \"x\"", error.Reason);
    }
}
