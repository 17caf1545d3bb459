namespace ActorIpc.Hocon.Tests;

public class DurationTests
{
    private static TimeSpan Duration(string literal) => Hocon.Parse("t = " + literal).GetTimeSpan("t");

    [Theory]
    [InlineData("ns")]
    [InlineData("nano")]
    [InlineData("nanos")]
    [InlineData("nanosecond")]
    [InlineData("nanoseconds")]
    public void GetTimeSpan_Nanoseconds_RoundToTicks(string unit)
    {
        Assert.Equal(TimeSpan.FromTicks(12), Duration("1234 " + unit));
    }

    [Theory]
    [InlineData("us")]
    [InlineData("micro")]
    [InlineData("micros")]
    [InlineData("microsecond")]
    [InlineData("microseconds")]
    public void GetTimeSpan_Microseconds(string unit)
    {
        Assert.Equal(TimeSpan.FromMicroseconds(123), Duration("123" + unit));
    }

    [Theory]
    [InlineData("ms")]
    [InlineData("milli")]
    [InlineData("millis")]
    [InlineData("millisecond")]
    [InlineData("milliseconds")]
    public void GetTimeSpan_Milliseconds(string unit)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Duration("250 " + unit));
    }

    [Theory]
    [InlineData("s", 1)]
    [InlineData("second", 1)]
    [InlineData("seconds", 1)]
    [InlineData("m", 60)]
    [InlineData("minute", 60)]
    [InlineData("minutes", 60)]
    [InlineData("h", 3600)]
    [InlineData("hour", 3600)]
    [InlineData("hours", 3600)]
    [InlineData("d", 86400)]
    [InlineData("day", 86400)]
    [InlineData("days", 86400)]
    public void GetTimeSpan_LargerUnits(string unit, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(3 * seconds), Duration("3" + unit));
    }

    [Fact]
    public void GetTimeSpan_BareNumberAndNumericString_AreMilliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Duration("500"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Duration("\"500\""));
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), Duration("1.5"));
    }

    [Fact]
    public void GetTimeSpan_DecimalValue_IsExact()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Duration("1.5 s"));
        Assert.Equal(TimeSpan.FromMinutes(-2), Duration("-2m"));
    }

    [Theory]
    [InlineData("infinite")]
    [InlineData("inf")]
    public void GetTimeSpan_Infinite_IsInfiniteTimeSpan(string literal)
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, Duration(literal));
    }

    [Theory]
    [InlineData("10 S", "unknown duration unit \"S\"")]
    [InlineData("10 parsecs", "unknown duration unit \"parsecs\"")]
    [InlineData("99999999999999 d", "out of range")]
    [InlineData("[1]", "got an array")]
    public void GetTimeSpan_Invalid_Throws(string literal, string expected)
    {
        var error = Assert.Throws<HoconException>(() => Duration(literal));
        Assert.Contains(expected, error.Message);
    }
}
