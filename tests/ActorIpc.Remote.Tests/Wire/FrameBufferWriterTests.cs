using System.Buffers;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

public sealed class FrameBufferWriterTests
{
    private const int MaxFrameSize = 64 * 1024;

    [Fact]
    public void WriteMessage_PayloadCallback_ProducesTheSameBytesAsASpanPayload()
    {
        byte[] payload = [1, 2, 3, 4, 5];
        using var buffer = new FrameBuffer(16);

        var written = FrameWriter.WriteMessage(buffer, MaxFrameSize, "/user/a", "/user/b", 7, "M", payload, static (output, state) =>
        {
            state.CopyTo(output.GetSpan(state.Length));
            output.Advance(state.Length);
        });

        var expected = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "/user/a", "/user/b", 7, "M", payload));
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, written);
    }

    [Fact]
    public void WriteSystemMessage_PayloadCallbackGrowingTheBuffer_PatchesLengthsCorrectly()
    {
        using var buffer = new FrameBuffer(8);
        FrameWriter.WriteAck(buffer, 5);

        // The callback forces several regrowths after the header was written: the patch must land in the new storage.
        FrameWriter.WriteSystemMessage(buffer, MaxFrameSize, 11, "/r", null, 2, "", 3000, static (output, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                output.GetSpan(1)[0] = (byte)i;
                output.Advance(1);
            }
        });

        var frames = WireBytes.ReadAll(new ReadOnlySequence<byte>(buffer.WrittenMemory), MaxFrameSize, frame => frame);
        Assert.Equal(5UL, frames[0].ReadAck());
        var envelope = frames[1].ReadSystemMessage(out var sequenceNumber);
        Assert.Equal(11UL, sequenceNumber);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray(), envelope.Payload.ToArray());
    }

    [Fact]
    public void WriteMessage_PayloadCallbackExceedsTheMaximum_RollsBackAndThrows()
    {
        using var buffer = new FrameBuffer();
        FrameWriter.WriteAck(buffer, 1);
        var before = buffer.WrittenSpan.ToArray();

        var error = Assert.Throws<FrameTooLargeException>(() => FrameWriter.WriteMessage(buffer, MaxFrameSize, "/a", null, 1, "", MaxFrameSize, static (output, size) =>
        {
            output.GetSpan(size);
            output.Advance(size);
        }));

        Assert.Equal("Message frame of 65547 bytes (64 KiB) exceeds the maximum of 64 KiB", error.Message);
        Assert.Equal(before, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_PayloadCallbackThrows_RollsBackAndRethrows()
    {
        using var buffer = new FrameBuffer();
        FrameWriter.WriteAck(buffer, 1);
        var before = buffer.WrittenSpan.ToArray();

        Assert.Throws<FormatException>(() => FrameWriter.WriteMessage(buffer, MaxFrameSize, "/a", null, 1, "", 0, static (output, _) =>
        {
            output.GetSpan(10);
            output.Advance(10);
            throw new FormatException("unserializable");
        }));

        Assert.Equal(before, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_ManyFramesIntoOneBuffer_ReadBackInOrder()
    {
        using var buffer = new FrameBuffer(64);
        for (var i = 0; i < 1000; i++)
        {
            switch (i % 4)
            {
                case 0:
                    FrameWriter.WriteMessage(buffer, MaxFrameSize, $"/user/r{i}", null, i, "m", BitConverter.GetBytes(i));
                    break;
                case 1:
                    FrameWriter.WriteSystemMessage(buffer, MaxFrameSize, (ulong)i, $"/user/r{i}", "/s", 1, "", [(byte)i]);
                    break;
                case 2:
                    FrameWriter.WriteHeartbeat(buffer, (ulong)i, -i);
                    break;
                default:
                    FrameWriter.WriteAck(buffer, (ulong)i);
                    break;
            }
        }

        var decoded = WireBytes.ReadAll(new ReadOnlySequence<byte>(buffer.WrittenMemory), MaxFrameSize, frame => frame.Type switch
        {
            FrameType.Message => frame.ReadMessage().Recipient,
            FrameType.SystemMessage => $"{frame.ReadSystemMessage(out var sequence).Recipient}#{sequence}",
            FrameType.Heartbeat => $"hb{frame.ReadHeartbeat().SequenceNumber}",
            _ => $"ack{frame.ReadAck()}",
        });

        var expected = Enumerable.Range(0, 1000).Select(i => (i % 4) switch
        {
            0 => $"/user/r{i}",
            1 => $"/user/r{i}#{i}",
            2 => $"hb{i}",
            _ => $"ack{i}",
        });
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void Clear_KeepsStorage_NextBatchStartsAtZero()
    {
        using var buffer = new FrameBuffer(64);
        FrameWriter.WriteAck(buffer, 1);

        buffer.Clear();
        FrameWriter.WriteAck(buffer, 2);

        Assert.Equal(2UL, WireBytes.ReadSingle(buffer.WrittenSpan.ToArray()).ReadAck());
    }

    [Fact]
    public void GetSpan_AfterDispose_ThrowsObjectDisposed()
    {
        var buffer = new FrameBuffer(64);
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan(1));
    }
}
