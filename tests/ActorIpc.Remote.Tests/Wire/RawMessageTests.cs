using System.Buffers;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

/// <summary><see cref="Frame.ReadRawMessage"/> must read what <see cref="Frame.ReadMessage"/> reads and refuse what it refuses, with the same words.</summary>
public sealed class RawMessageTests
{
    private const int MaxFrameSize = 1 << 20;

    private static readonly byte[][] Messages =
    [
        Message("actoripc.tcp://shop@host:4000/user/orders", "/user/client", 42, "Shop.Order, Shop", Enumerable.Range(0, 100).Select(i => (byte)i).ToArray()),
        Message("/a", null, 0, "", []),
        Message("/user/Ünïcødé-名前-𝄞-😀", "/user/Ünïcødé-名前-𝄞-😀/s", int.MaxValue, "Ωmega", [1]),
    ];

    public static TheoryData<int> ScratchSizes => [0, 5, 512];

    public static TheoryData<byte[], string> Malformed => new()
    {
        { WireBytes.Frame(FrameType.Message, WireBytes.Varint(5000), [.. "/user/a"u8]), "Message frame: recipient length 5000 at offset 5 runs past the frame end at offset 14" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0], [0xFF, 0xFF, 0xFF, 0xFF, 0x1F], [0], WireBytes.U32(0)), "Message frame: serializer id varint at offset 9 overflows 32 bits" },
        { WireBytes.Frame(FrameType.Message, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), "Message frame: recipient length varint at offset 5 overflows 32 bits" },
        { WireBytes.Frame(FrameType.Message, [0x80, 0x80]), "Message frame: recipient length varint at offset 5 is cut off by the frame end at offset 7" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0], WireBytes.Varint(uint.MaxValue), [0], WireBytes.U32(0)), "Message frame: serializer id 4294967295 at offset 9 is out of range (0 to 2147483647)" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1, 0], WireBytes.U32(0x7FFF_FFFF), [1, 2, 3]), "Message frame: payload length 2147483647 at offset 11 runs past the frame end at offset 18" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1, 0], [1, 0]), "Message frame: payload length at offset 11 needs 4 bytes but the frame ends at offset 13" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1, 0], WireBytes.U32(1), [1, 2, 3]), "Message frame: 2 trailing bytes at offset 16 after the last field" },
        { WireBytes.Frame(FrameType.Message, [0, 0, 0, 0], WireBytes.U32(0)), "Message frame: recipient at offset 5 is empty" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), WireBytes.Varint(300), [.. "/b"u8]), "Message frame: sender length 300 at offset 8 runs past the frame end at offset 12" },
        { WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1], WireBytes.Varint(9), [.. "M"u8]), "Message frame: manifest length 9 at offset 10 runs past the frame end at offset 12" },
    };

    [Theory]
    [MemberData(nameof(ScratchSizes))]
    public void ReadRawMessage_OneSegment_ReadsWhatReadMessageReads(int scratchSize)
    {
        foreach (var bytes in Messages)
        {
            var frame = WireBytes.ReadSingle(bytes);
            var cut = WireBytes.CutFromSegment(bytes);

            Assert.Equal(DescribeDecoded(frame), DescribeRaw(frame, new byte[scratchSize]));
            Assert.Equal(DescribeDecoded(frame), DescribeRaw(cut, new byte[scratchSize]));
            Assert.Equal(DescribeDecoded(frame), DescribeDecoded(cut));
            Assert.Equal(frame.Length, cut.Length);
        }
    }

    [Theory]
    [MemberData(nameof(ScratchSizes))]
    public void ReadRawMessage_EveryTwoSegmentSplit_ReadsWhatReadMessageReads(int scratchSize)
    {
        foreach (var bytes in Messages)
        {
            var expected = DescribeDecoded(WireBytes.ReadSingle(bytes));
            for (var cut = 1; cut < bytes.Length; cut++)
            {
                var raw = WireBytes.ReadAll(TestSequence.Split(bytes, cut), MaxFrameSize, frame => DescribeRaw(frame, new byte[scratchSize])).Single();

                Assert.True(expected == raw, $"split at byte {cut}: expected {expected}, read {raw}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScratchSizes))]
    public void ReadRawMessage_OneByteSegments_ReadsWhatReadMessageReads(int scratchSize)
    {
        // Every string field straddles segments: all of them are copied, into the scratch while it has room.
        foreach (var bytes in Messages)
        {
            var frame = WireBytes.ReadAll(TestSequence.Chunked(bytes, 1), MaxFrameSize, frame => frame).Single();

            Assert.Equal(DescribeDecoded(frame), DescribeRaw(frame, new byte[scratchSize]));
        }
    }

    [Fact]
    public void ReadRawMessage_SplitFields_EachTakeTheirOwnPartOfTheScratch()
    {
        var bytes = Message("/user/a", "/user/b", 7, "M", [1]);
        var frame = WireBytes.ReadAll(TestSequence.Chunked(bytes, 1), MaxFrameSize, frame => frame).Single();
        var scratch = new byte[64];

        var message = frame.ReadRawMessage(scratch);

        Assert.Equal("/user/a"u8, message.Recipient.Bytes);
        Assert.Equal("/user/b"u8, message.Sender.Bytes);
        Assert.Equal("M"u8, message.Manifest.Bytes);
        Assert.True(message.Recipient.Bytes.Overlaps(scratch), "a split field is copied to the scratch");
    }

    [Fact]
    public void ReadRawMessage_SplitOrNot_AllocatesNothing()
    {
        var bytes = Message("actoripc.tcp://shop@host:4000/user/orders", "/user/client", 42, "Shop.Order, Shop", new byte[100]);
        Span<byte> scratch = stackalloc byte[256];
        foreach (var frame in new[] { WireBytes.ReadSingle(bytes), WireBytes.CutFromSegment(bytes), WireBytes.ReadAll(TestSequence.Chunked(bytes, 7), MaxFrameSize, frame => frame).Single() })
        {
            frame.ReadRawMessage(scratch);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var message = frame.ReadRawMessage(scratch);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal("/user/client"u8, message.Sender.Bytes);
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void ReadRawMessage_Malformed_FailsWithReadMessagesWords(byte[] bytes, string expected)
    {
        foreach (var frame in new[] { WireBytes.ReadSingle(bytes), WireBytes.CutFromSegment(bytes), WireBytes.ReadAll(TestSequence.Chunked(bytes, 1), MaxFrameSize, frame => frame).Single() })
        {
            var decoded = Assert.Throws<ProtocolException>(() => frame.ReadMessage());
            var raw = Assert.Throws<ProtocolException>(() => frame.ReadRawMessage(new byte[16]));

            Assert.Equal(expected, decoded.Message);
            Assert.Equal(expected, raw.Message);
        }
    }

    [Fact]
    public void Decode_InvalidUtf8_FailsWithReadMessagesWords()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [2, 0xC3, 0x28], [0, 0], WireBytes.U32(0));
        var frame = WireBytes.ReadSingle(bytes);

        var decoded = Assert.Throws<ProtocolException>(() => frame.ReadMessage());
        var raw = Assert.Throws<ProtocolException>(() => frame.ReadRawMessage([]).Sender.Decode());
        var cut = Assert.Throws<ProtocolException>(() => WireBytes.CutFromSegment(bytes).ReadRawMessage([]).Sender.Decode());

        Assert.Equal("Message frame: sender at offset 8 is not valid UTF-8", raw.Message);
        Assert.Equal(decoded.Message, raw.Message);
        Assert.Equal(decoded.Message, cut.Message);
        Assert.Equal("/a", frame.ReadRawMessage([]).Recipient.Decode());
    }

    [Fact]
    public void Decode_InvalidUtf8SplitAcrossSegments_FailsWithReadMessagesWords()
    {
        var bytes = WireBytes.Frame(FrameType.Message, [3, 0x2F, 0xE2, 0x28], [0, 0, 0], WireBytes.U32(0));
        var frame = WireBytes.ReadAll(TestSequence.Chunked(bytes, 1), MaxFrameSize, frame => frame).Single();

        var decoded = Assert.Throws<ProtocolException>(() => frame.ReadMessage());
        var raw = Assert.Throws<ProtocolException>(() => frame.ReadRawMessage(new byte[16]).Recipient.Decode());

        Assert.Equal("Message frame: recipient at offset 5 is not valid UTF-8", raw.Message);
        Assert.Equal(decoded.Message, raw.Message);
    }

    [Fact]
    public void ReadRawMessage_OnAnotherFrameType_ThrowsInvalidOperation()
    {
        var frame = WireBytes.ReadSingle(WireBytes.Write(output => FrameWriter.WriteAck(output, 1)));

        var error = Assert.Throws<InvalidOperationException>(() => frame.ReadRawMessage([]));

        Assert.Equal("cannot read a Ack frame as Message", error.Message);
    }

    private static byte[] Message(string recipient, string? sender, int serializerId, string manifest, byte[] payload)
        => WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, recipient, sender, serializerId, manifest, payload));

    private static string DescribeDecoded(Frame frame)
    {
        var message = frame.ReadMessage();
        return Describe(message.Recipient, message.Sender, message.SerializerId, message.Manifest, message.Payload);
    }

    private static string DescribeRaw(Frame frame, Span<byte> scratch)
    {
        var message = frame.ReadRawMessage(scratch);
        var sender = message.Sender.IsEmpty ? null : message.Sender.Decode();
        return Describe(message.Recipient.Decode(), sender, message.SerializerId, message.Manifest.Decode(), message.Payload);
    }

    private static string Describe(string recipient, string? sender, int serializerId, string manifest, ReadOnlySequence<byte> payload)
        => $"{recipient} → {sender ?? "-"} {serializerId} '{manifest}' {Convert.ToHexString(payload.ToArray())}";
}
