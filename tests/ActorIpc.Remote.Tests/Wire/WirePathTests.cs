using System.Text;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

/// <summary>The three forms of a path in a frame write the same bytes as its text does.</summary>
public sealed class WirePathTests
{
    private const int MaxFrameSize = 1 << 20;
    private const string Prefix = "actoripc.unix://bench@bench-1/temp/$";

    [Theory]
    [InlineData(1L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(99L)]
    [InlineData(100L)]
    [InlineData(123_456_789L)]
    [InlineData(long.MaxValue)]
    public void Numbered_WritesThePrefixAndTheNumberInDecimal(long number)
    {
        var expected = Prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var numbered = WirePath.Numbered(Encoding.UTF8.GetBytes(Prefix), number);

        Assert.Equal(Encoding.UTF8.GetByteCount(expected), numbered.ByteCount());
        Assert.Equal(expected, numbered.ToString());
        Assert.Equal(Written(expected, "/user/a"), Written(numbered, "/user/a"));
        Assert.Equal(expected, WireBytes.ReadSingle(Written("/user/a", numbered)).ReadMessage().Sender);
    }

    [Fact]
    public void FromUtf8_WritesTheBytesAsTheTextWould()
    {
        const string path = "actoripc.tcp://shop@host:4000/user/Ünïcødé-名前#42";
        var encoded = WirePath.FromUtf8(Encoding.UTF8.GetBytes(path));

        Assert.Equal(Written(path, "/user/b"), Written(encoded, "/user/b"));
        Assert.Equal(path, WireBytes.ReadSingle(Written(encoded, "/user/b")).ReadMessage().Recipient);
        Assert.Equal(path, encoded.ToString());
    }

    [Fact]
    public void EmptyForms_AreNoSender_AndNoRecipientIsRefused()
    {
        Assert.True(new WirePath(null).IsEmpty);
        Assert.True(WirePath.FromUtf8([]).IsEmpty);
        Assert.False(WirePath.Numbered([], 1).IsEmpty);
        Assert.Null(WireBytes.ReadSingle(Written("/user/a", WirePath.FromUtf8([]))).ReadMessage().Sender);

        var refused = Assert.Throws<ArgumentException>(() => Written(WirePath.FromUtf8([]), "/user/a"));
        Assert.Equal("recipient", refused.ParamName);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Numbered_TakesPositiveNumbersOnly(long number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WirePath.Numbered(Encoding.UTF8.GetBytes(Prefix), number));

    private static byte[] Written(WirePath recipient, WirePath sender) =>
        WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, recipient, sender, 3, "M", [7, 8]));
}
