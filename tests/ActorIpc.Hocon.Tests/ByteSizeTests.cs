namespace ActorIpc.Hocon.Tests;

public class ByteSizeTests
{
    private static long Size(string literal) => Hocon.Parse("z = " + literal).GetByteSize("z");

    [Theory]
    [InlineData("B")]
    [InlineData("b")]
    [InlineData("byte")]
    [InlineData("bytes")]
    [InlineData("")]
    public void GetByteSize_Bytes(string unit)
    {
        Assert.Equal(11, Size("11 " + unit));
    }

    [Theory]
    [InlineData("kB", 1)]
    [InlineData("kilobyte", 1)]
    [InlineData("kilobytes", 1)]
    [InlineData("MB", 2)]
    [InlineData("megabyte", 2)]
    [InlineData("megabytes", 2)]
    [InlineData("GB", 3)]
    [InlineData("gigabyte", 3)]
    [InlineData("gigabytes", 3)]
    [InlineData("TB", 4)]
    [InlineData("terabyte", 4)]
    [InlineData("terabytes", 4)]
    [InlineData("PB", 5)]
    [InlineData("petabyte", 5)]
    [InlineData("petabytes", 5)]
    [InlineData("EB", 6)]
    [InlineData("exabyte", 6)]
    [InlineData("exabytes", 6)]
    public void GetByteSize_PowersOfTen(string unit, int power)
    {
        Assert.Equal((long)Math.Pow(1000, power), Size("1" + unit));
    }

    [Theory]
    [InlineData("K", 1)]
    [InlineData("k", 1)]
    [InlineData("Ki", 1)]
    [InlineData("KiB", 1)]
    [InlineData("kibibyte", 1)]
    [InlineData("kibibytes", 1)]
    [InlineData("M", 2)]
    [InlineData("m", 2)]
    [InlineData("Mi", 2)]
    [InlineData("MiB", 2)]
    [InlineData("mebibyte", 2)]
    [InlineData("mebibytes", 2)]
    [InlineData("G", 3)]
    [InlineData("g", 3)]
    [InlineData("Gi", 3)]
    [InlineData("GiB", 3)]
    [InlineData("gibibyte", 3)]
    [InlineData("gibibytes", 3)]
    [InlineData("T", 4)]
    [InlineData("t", 4)]
    [InlineData("Ti", 4)]
    [InlineData("TiB", 4)]
    [InlineData("tebibyte", 4)]
    [InlineData("tebibytes", 4)]
    [InlineData("P", 5)]
    [InlineData("p", 5)]
    [InlineData("Pi", 5)]
    [InlineData("PiB", 5)]
    [InlineData("pebibyte", 5)]
    [InlineData("pebibytes", 5)]
    [InlineData("E", 6)]
    [InlineData("e", 6)]
    [InlineData("Ei", 6)]
    [InlineData("EiB", 6)]
    [InlineData("exbibyte", 6)]
    [InlineData("exbibytes", 6)]
    public void GetByteSize_PowersOfTwo(string unit, int power)
    {
        Assert.Equal(1L << (10 * power), Size("1 " + unit));
    }

    [Fact]
    public void GetByteSize_DecimalValue_IsTruncatedToBytes()
    {
        Assert.Equal(1536, Size("1.5K"));
        Assert.Equal(1500, Size("\"1.5 kB\""));
    }

    [Theory]
    [InlineData("8 EiB")]
    [InlineData("10 EB")]
    [InlineData("1 ZB")]
    [InlineData("1 YiB")]
    public void GetByteSize_Overflow_Throws(string literal)
    {
        Assert.Contains("too large for a 64-bit byte count", Assert.Throws<HoconException>(() => Size(literal)).Message);
    }

    [Fact]
    public void GetByteSize_UnknownUnit_Throws()
    {
        Assert.Contains("unknown size unit \"KB\"", Assert.Throws<HoconException>(() => Size("1 KB")).Message);
    }
}
