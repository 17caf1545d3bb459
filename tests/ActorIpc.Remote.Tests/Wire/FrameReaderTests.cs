using System.Buffers;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

public sealed class FrameReaderTests
{
    private const int MaxFrameSize = 4 * 1024 * 1024;

    private static readonly byte[] Stream = BuildStream();

    private static readonly string[] StreamContent =
    [
        "msg /user/ä → /user/b 7 M 300",
        "sys 5 /user/w → - 2  0",
        "hb 3 -4",
        "ack 99",
        "msg /x → - 0  1",
        "close bye",
    ];

    [Fact]
    public void TryReadFrame_EveryTwoSegmentSplit_ReadsTheSameFrames()
    {
        for (var cut = 1; cut < Stream.Length; cut++)
        {
            var decoded = WireBytes.ReadAll(TestSequence.Split(Stream, cut), MaxFrameSize, Describe);

            Assert.True(StreamContent.SequenceEqual(decoded), $"split at byte {cut}");
        }
    }

    [Fact]
    public void TryReadFrame_OneByteSegments_ReadsTheSameFrames()
    {
        var decoded = WireBytes.ReadAll(TestSequence.Chunked(Stream, 1), MaxFrameSize, Describe);

        Assert.Equal(StreamContent, decoded);
    }

    [Fact]
    public void TryReadFrame_BytesArrivingOneAtATime_YieldsEachFrameWhenComplete()
    {
        // What a pipe does: the unread remainder stays, new bytes are appended, the reader retries.
        var decoded = new List<string>();
        var consumed = 0;
        for (var received = 0; received <= Stream.Length; received++)
        {
            var buffer = TestSequence.Chunked(Stream[consumed..received], 3);
            var before = buffer.Length;
            while (FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out var frame))
            {
                decoded.Add(Describe(frame));
            }

            consumed += (int)(before - buffer.Length);
        }

        Assert.Equal(StreamContent, decoded);
        Assert.Equal(Stream.Length, consumed);
    }

    [Fact]
    public void TryReadFrame_PartialFrame_ReturnsFalseAndLeavesTheBuffer()
    {
        var buffer = new ReadOnlySequence<byte>(Stream, 0, 20);

        Assert.False(FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out _));
        Assert.Equal(20, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_LengthOverTheMaximum_FailsAsSoonAsTheLengthArrives()
    {
        var buffer = new ReadOnlySequence<byte>(WireBytes.U32(17 * 1024 * 1024));

        var error = Assert.Throws<ProtocolException>(() => FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out _));

        Assert.Equal("frame of 17 MiB exceeds the maximum of 4 MiB", error.Message);
    }

    [Fact]
    public void TryReadFrame_LengthZero_Fails()
    {
        var buffer = new ReadOnlySequence<byte>(WireBytes.U32(0));

        var error = Assert.Throws<ProtocolException>(() => FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out _));

        Assert.Equal("frame length 0 is below the minimum of 1 (the type byte)", error.Message);
    }

    [Fact]
    public void TryReadFrame_LengthOfUInt32Max_FailsWithoutOverflow()
    {
        var buffer = new ReadOnlySequence<byte>(WireBytes.U32(uint.MaxValue));

        var error = Assert.Throws<ProtocolException>(() => FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out _));

        Assert.Equal("frame of 4294967295 bytes (4096 MiB) exceeds the maximum of 4 MiB", error.Message);
    }

    [Fact]
    public void TryReadFrame_UnknownType_FailsBeforeTheBodyArrives()
    {
        var buffer = new ReadOnlySequence<byte>([.. WireBytes.U32(100), 0x7f]);

        var error = Assert.Throws<ProtocolException>(() => FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out _));

        Assert.Equal("unknown frame type 0x7f", error.Message);
    }

    [Fact]
    public void FrameCursor_OneSegmentAndEveryTwoSegmentSplit_ReadsTheSameFramesAndLeavesNothing()
    {
        for (var cut = 0; cut < Stream.Length; cut++)
        {
            var buffer = cut == 0 ? new ReadOnlySequence<byte>(Stream) : TestSequence.Split(Stream, cut);

            var (decoded, remaining) = ReadWithCursor(buffer);

            Assert.True(StreamContent.SequenceEqual(decoded), $"split at byte {cut}");
            Assert.Equal(0, remaining.Length);
        }
    }

    [Fact]
    public void FrameCursor_OneByteSegments_ReadsTheSameFrames()
    {
        var (decoded, remaining) = ReadWithCursor(TestSequence.Chunked(Stream, 1));

        Assert.Equal(StreamContent, decoded);
        Assert.Equal(0, remaining.Length);
    }

    [Fact]
    public void FrameCursor_EveryPrefix_TakesTheWholeFramesAndLeavesThePartialOneAsTheReaderDoes()
    {
        for (var received = 0; received <= Stream.Length; received++)
        {
            var bytes = Stream[..received];
            var expected = new ReadOnlySequence<byte>(bytes);
            var expectedCount = 0;
            while (FrameReader.TryReadFrame(ref expected, MaxFrameSize, out _))
            {
                expectedCount++;
            }

            foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), TestSequence.Chunked(bytes, 7) })
            {
                var (decoded, remaining) = ReadWithCursor(buffer);

                Assert.True(StreamContent.Take(expectedCount).SequenceEqual(decoded), $"{received} bytes received");
                Assert.Equal(expected.ToArray(), remaining.ToArray());
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 0x10 }, "frame length 0 is below the minimum of 1 (the type byte)")]
    [InlineData(new byte[] { 0x00, 0x00, 0x50, 0x00, 0x10 }, "frame of 5 MiB exceeds the maximum of 4 MiB")]
    [InlineData(new byte[] { 3, 0, 0, 0, 0x7F, 1, 2 }, "unknown frame type 0x7f")]
    public void FrameCursor_BadHeaderAfterGoodFrames_TakesThemThenThrowsTheReadersError(byte[] bad, string expectedError)
    {
        byte[] bytes = [.. Stream, .. bad];
        var decoded = new List<string>();

        var error = Assert.Throws<ProtocolException>(() =>
        {
            var cursor = new FrameCursor(new ReadOnlySequence<byte>(bytes), MaxFrameSize);
            Drain(ref cursor, decoded);
        });

        Assert.Equal(StreamContent, decoded);
        Assert.Equal(expectedError, error.Message);
    }

    [Fact]
    public void ReadHeartbeat_TruncatedBody_FailsNamingTheField()
    {
        var bytes = WireBytes.Frame(FrameType.Heartbeat, WireBytes.U64(1), [1, 2]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadHeartbeat());

        Assert.Equal("Heartbeat frame: timestamp at offset 13 needs 8 bytes but the frame ends at offset 15", error.Message);
    }

    [Fact]
    public void ReadAck_TrailingByte_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Ack, WireBytes.U64(1), [0]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadAck());

        Assert.Equal("Ack frame: 1 trailing byte at offset 13 after the last field", error.Message);
    }

    [Fact]
    public void ReadWelcome_WithABody_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Welcome, [1, 2]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadWelcome());

        Assert.Equal("Welcome frame: 2 trailing bytes at offset 5 after the last field", error.Message);
    }

    [Fact]
    public void ReadMessage_StringLengthPastTheFrameEnd_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Varint(5000), [.. "/user/a"u8]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: recipient length 5000 at offset 5 runs past the frame end at offset 14", error.Message);
    }

    [Fact]
    public void ReadMessage_InvalidUtf8_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [2, 0xC3, 0x28], [0, 0, 0], WireBytes.U32(0));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: sender at offset 8 is not valid UTF-8", error.Message);
    }

    [Fact]
    public void ReadMessage_InvalidUtf8SplitAcrossSegments_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, [3, 0x2F, 0xE2, 0x28], [0, 0, 0], WireBytes.U32(0));

        var frame = WireBytes.ReadAll(TestSequence.Chunked(bytes, 1), MaxFrameSize, frame => frame).Single();
        var error = Assert.Throws<ProtocolException>(() => frame.ReadMessage());

        Assert.Equal("Message frame: recipient at offset 5 is not valid UTF-8", error.Message);
    }

    [Fact]
    public void ReadMessage_VarintOverflow_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0], [0xFF, 0xFF, 0xFF, 0xFF, 0x1F], [0], WireBytes.U32(0));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: serializer id varint at offset 9 overflows 32 bits", error.Message);
    }

    [Fact]
    public void ReadMessage_SixByteVarint_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: recipient length varint at offset 5 overflows 32 bits", error.Message);
    }

    [Fact]
    public void ReadMessage_VarintCutOffByTheFrameEnd_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, [0x80, 0x80]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: recipient length varint at offset 5 is cut off by the frame end at offset 7", error.Message);
    }

    [Fact]
    public void ReadMessage_SerializerIdOverInt32_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0], WireBytes.Varint(uint.MaxValue), [0], WireBytes.U32(0));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: serializer id 4294967295 at offset 9 is out of range (0 to 2147483647)", error.Message);
    }

    [Fact]
    public void ReadMessage_PayloadLengthPastTheFrameEnd_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1, 0], WireBytes.U32(0x7FFF_FFFF), [1, 2, 3]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: payload length 2147483647 at offset 11 runs past the frame end at offset 18", error.Message);
    }

    [Fact]
    public void ReadMessage_PayloadShorterThanTheFrame_FailsOnTrailingBytes()
    {
        var bytes = WireBytes.Frame(FrameType.Message, WireBytes.Text("/a"), [0, 1, 0], WireBytes.U32(1), [1, 2, 3]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: 2 trailing bytes at offset 16 after the last field", error.Message);
    }

    [Fact]
    public void ReadMessage_EmptyRecipient_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Message, [0, 0, 0, 0], WireBytes.U32(0));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadMessage());

        Assert.Equal("Message frame: recipient at offset 5 is empty", error.Message);
    }

    [Fact]
    public void ReadReject_ReasonOverTheLimit_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Reject, WireBytes.Text(new string('r', 2000)));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadReject());

        Assert.Equal("Reject frame: reason of 2000 bytes at offset 5 exceeds the limit of 1024 bytes", error.Message);
    }

    [Fact]
    public void ReadHello_SystemNameOverTheLimit_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Hello, [.. "AIPC"u8], WireBytes.U16(1), WireBytes.Text(new string('s', 65)), WireBytes.Text("a"), WireBytes.U64(1), new byte[32]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadHello());

        Assert.Equal("Hello frame: system name of 65 bytes at offset 11 exceeds the limit of 64 bytes", error.Message);
    }

    [Fact]
    public void ReadHello_WrongMagic_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Hello, [.. "HTTP"u8], WireBytes.U16(1));

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadHelloVersion());

        Assert.Equal("Hello frame: magic 0x50545448 at offset 5 is not \"AIPC\": the peer does not speak the ActorIpc protocol", error.Message);
    }

    [Fact]
    public void ReadChallenge_NonceCutShort_Fails()
    {
        var bytes = WireBytes.Frame(FrameType.Challenge, new byte[20]);

        var error = Assert.Throws<ProtocolException>(() => WireBytes.ReadSingle(bytes).ReadChallenge());

        Assert.Equal("Challenge frame: server nonce at offset 5 needs 32 bytes but the frame ends at offset 25", error.Message);
    }

    private static (List<string> Decoded, ReadOnlySequence<byte> Remaining) ReadWithCursor(ReadOnlySequence<byte> buffer)
    {
        var cursor = new FrameCursor(buffer, MaxFrameSize);
        var decoded = new List<string>();
        Drain(ref cursor, decoded);

        // Once it has found only part of a frame, the cursor stays there.
        Assert.False(cursor.TryNext(out _));
        return (decoded, cursor.Remaining);
    }

    private static void Drain(ref FrameCursor cursor, List<string> decoded)
    {
        while (cursor.TryNext(out var frame))
        {
            decoded.Add(Describe(frame));
        }
    }

    private static string Describe(Frame frame)
    {
        switch (frame.Type)
        {
            case FrameType.Message:
                var message = frame.ReadMessage();
                return $"msg {message.Recipient} → {message.Sender ?? "-"} {message.SerializerId} {message.Manifest} {message.Payload.Length}";
            case FrameType.SystemMessage:
                var system = frame.ReadSystemMessage(out var sequence);
                return $"sys {sequence} {system.Recipient} → {system.Sender ?? "-"} {system.SerializerId} {system.Manifest} {system.Payload.Length}";
            case FrameType.Heartbeat:
                var heartbeat = frame.ReadHeartbeat();
                return $"hb {heartbeat.SequenceNumber} {heartbeat.Timestamp}";
            case FrameType.Ack:
                return $"ack {frame.ReadAck()}";
            case FrameType.Close:
                return $"close {frame.ReadClose()}";
            default:
                throw new InvalidOperationException($"unexpected {frame.Type}");
        }
    }

    private static byte[] BuildStream()
    {
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.WriteMessage(output, MaxFrameSize, "/user/ä", "/user/b", 7, "M", new byte[300]);
        FrameWriter.WriteSystemMessage(output, MaxFrameSize, 5, "/user/w", null, 2, "", []);
        FrameWriter.WriteHeartbeat(output, 3, -4);
        FrameWriter.WriteAck(output, 99);
        FrameWriter.WriteMessage(output, MaxFrameSize, "/x", null, 0, "", [42]);
        FrameWriter.WriteClose(output, "bye");
        return output.WrittenSpan.ToArray();
    }
}
