namespace ActorIpc.Hocon.Tests;

public class NumberTests
{
    [Fact]
    public void Parse_Integer_IsIntegralNumber()
    {
        var number = Assert.IsType<HoconNumber>(Hocon.Parse("a = -42").GetValue("a"));
        Assert.True(number.IsIntegral);
        Assert.True(number.TryGetInt64(out long value));
        Assert.Equal(-42, value);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("-2.5E-1", -0.25)]
    [InlineData("10.0", 10.0)]
    public void Parse_Decimal_IsDoubleAndKeepsLiteral(string literal, double expected)
    {
        var number = Assert.IsType<HoconNumber>(Hocon.Parse("a = " + literal).GetValue("a"));
        Assert.False(number.IsIntegral);
        Assert.Equal(expected, number.DoubleValue);
        Assert.Equal(literal, number.Literal);
    }

    [Fact]
    public void Parse_NumberInConcatenation_KeepsOriginalSpelling()
    {
        Assert.Equal("1e5 10.0", Hocon.Parse("a = 1e5 10.0").GetString("a"));
    }

    [Fact]
    public void Parse_LongBeyondInt_IsLong()
    {
        Assert.Equal(9_000_000_000L, Hocon.Parse("a = 9000000000").GetLong("a"));
    }

    [Fact]
    public void Parse_TrueFalseNull_AreTyped()
    {
        var config = Hocon.Parse("a = true, b = false, c = null");
        Assert.Equal(HoconType.Boolean, config.GetValue("a")!.Type);
        Assert.False(config.GetBoolean("b"));
        Assert.Equal(HoconType.Null, config.GetValue("c")!.Type);
    }

    [Fact]
    public void Parse_ReservedPlusInNumber_Throws()
    {
        Assert.Contains("'+'", Hocon.Error("a = 1+2").Reason);
    }

    [Fact]
    public void ToJson_NonJsonLiteral_IsRenderedCanonically()
    {
        Assert.Equal("""{"a":7,"b":1}""", Hocon.Json("a = 007, b = 1."));
    }
}
