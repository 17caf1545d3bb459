using System.Buffers;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

public sealed class FrameRoundTripTests
{
    private const int MaxFrameSize = 1 << 20;
    private const string NonAscii = "/user/Ünïcødé-名前-𝄞-😀";

    [Fact]
    public void WriteMessage_GoldenBytes_MatchTheDocumentedLayout()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "/user/a", "/user/b", 7, "M", [1, 2, 3]));

        // The example in docs/wire-protocol.md; changing it is a protocol change.
        Assert.Equal("1b00000010072f757365722f61072f757365722f6207014d03000000010203", WireBytes.Hex(bytes));
    }

    [Fact]
    public void WriteHeartbeat_GoldenBytes_MatchTheDocumentedLayout()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteHeartbeat(output, 1, -2));

        Assert.Equal("11000000130100000000000000feffffffffffffff", WireBytes.Hex(bytes));
    }

    [Fact]
    public void Message_WithSenderManifestAndPayload_RoundTrips()
    {
        var payload = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "actoripc.tcp://shop@host:4000/user/orders", "/user/client", 42, "Shop.Order, Shop", payload));

        var frame = WireBytes.ReadSingle(bytes);
        var envelope = frame.ReadMessage();

        Assert.Equal(FrameType.Message, frame.Type);
        Assert.Equal("actoripc.tcp://shop@host:4000/user/orders", envelope.Recipient);
        Assert.Equal("/user/client", envelope.Sender);
        Assert.Equal(42, envelope.SerializerId);
        Assert.Equal("Shop.Order, Shop", envelope.Manifest);
        Assert.Equal(payload, envelope.Payload.ToArray());
    }

    [Fact]
    public void Message_NoSenderEmptyManifestEmptyPayload_RoundTrips()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "/a", null, 0, "", []));

        var envelope = WireBytes.ReadSingle(bytes).ReadMessage();

        Assert.Equal("/a", envelope.Recipient);
        Assert.Null(envelope.Sender);
        Assert.Equal(0, envelope.SerializerId);
        Assert.Equal("", envelope.Manifest);
        Assert.True(envelope.Payload.IsEmpty);
    }

    [Fact]
    public void Message_EmptySenderString_ReadsAsNoSender()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "/a", "", 1, "m", [9]));

        Assert.Null(WireBytes.ReadSingle(bytes).ReadMessage().Sender);
    }

    [Fact]
    public void Message_NonAsciiText_RoundTrips()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, NonAscii, NonAscii + "/s", int.MaxValue, "Ωmega", [1]));

        var envelope = WireBytes.ReadSingle(bytes).ReadMessage();

        Assert.Equal(NonAscii, envelope.Recipient);
        Assert.Equal(NonAscii + "/s", envelope.Sender);
        Assert.Equal(int.MaxValue, envelope.SerializerId);
        Assert.Equal("Ωmega", envelope.Manifest);
    }

    [Fact]
    public void Message_PayloadFillingTheMaximumFrame_RoundTrips()
    {
        // type 1 + recipient 1+2 + sender 1 + id 1 + manifest 1 + payload length 4.
        var payload = new byte[MaxFrameSize - 11];
        new Random(7).NextBytes(payload);
        var bytes = WireBytes.Write(output => FrameWriter.WriteMessage(output, MaxFrameSize, "/a", null, 5, "", payload));

        var frame = WireBytes.ReadSingle(bytes, MaxFrameSize);

        Assert.Equal(MaxFrameSize, frame.Length);
        Assert.Equal(payload, frame.ReadMessage().Payload.ToArray());
    }

    [Fact]
    public void WriteMessage_OneByteOverTheMaximum_ThrowsAndWritesNothing()
    {
        var output = new ArrayBufferWriter<byte>();
        var payload = new byte[MaxFrameSize - 10];

        var error = Assert.Throws<FrameTooLargeException>(() => FrameWriter.WriteMessage(output, MaxFrameSize, "/a", null, 5, "", payload));

        Assert.Equal("Message frame of 1048577 bytes (1 MiB) exceeds the maximum of 1 MiB", error.Message);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void SystemMessage_WithSequenceNumber_RoundTrips()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteSystemMessage(output, MaxFrameSize, ulong.MaxValue, "/user/watched", "/user/watcher", 3, "Watch", [7, 8]));

        var envelope = WireBytes.ReadSingle(bytes).ReadSystemMessage(out var sequenceNumber);

        Assert.Equal(ulong.MaxValue, sequenceNumber);
        Assert.Equal("/user/watched", envelope.Recipient);
        Assert.Equal("/user/watcher", envelope.Sender);
        Assert.Equal(3, envelope.SerializerId);
        Assert.Equal("Watch", envelope.Manifest);
        Assert.Equal([7, 8], envelope.Payload.ToArray());
    }

    [Fact]
    public void Ack_RoundTrips()
    {
        var bytes = WireBytes.Write(output => FrameWriter.WriteAck(output, 123_456_789_012));

        Assert.Equal(123_456_789_012UL, WireBytes.ReadSingle(bytes).ReadAck());
    }

    [Fact]
    public void HeartbeatAndReply_RoundTrip()
    {
        var heartbeat = WireBytes.Write(output => FrameWriter.WriteHeartbeat(output, 9, long.MinValue));
        var reply = WireBytes.Write(output => FrameWriter.WriteHeartbeatReply(output, 9, long.MaxValue));

        Assert.Equal(new HeartbeatFrame(9, long.MinValue), WireBytes.ReadSingle(heartbeat).ReadHeartbeat());
        Assert.Equal(new HeartbeatFrame(9, long.MaxValue), WireBytes.ReadSingle(reply).ReadHeartbeatReply());
    }

    [Theory]
    [InlineData("")]
    [InlineData("shutting down")]
    [InlineData(NonAscii)]
    public void CloseAndReject_RoundTrip(string reason)
    {
        var close = WireBytes.Write(output => FrameWriter.WriteClose(output, reason));
        var reject = WireBytes.Write(output => FrameWriter.WriteReject(output, reason));

        Assert.Equal(reason, WireBytes.ReadSingle(close).ReadClose());
        Assert.Equal(reason, WireBytes.ReadSingle(reject).ReadReject());
    }

    [Fact]
    public void WriteClose_ReasonOverTheLimit_IsCutOnACharacterBoundary()
    {
        var reason = new string('é', 600); // 1200 UTF-8 bytes

        var read = WireBytes.ReadSingle(WireBytes.Write(output => FrameWriter.WriteClose(output, reason))).ReadClose();

        Assert.Equal(new string('é', 512), read);
    }

    [Fact]
    public void Hello_RoundTrips()
    {
        var nonce = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var bytes = WireBytes.Write(output => FrameWriter.WriteHello(output, 1, "shöp", NonAscii, ulong.MaxValue, nonce));

        var frame = WireBytes.ReadSingle(bytes);
        var hello = frame.ReadHello();

        Assert.Equal(1, frame.ReadHelloVersion());
        Assert.Equal(1, hello.ProtocolVersion);
        Assert.Equal("shöp", hello.SystemName);
        Assert.Equal(NonAscii, hello.Address);
        Assert.Equal(ulong.MaxValue, hello.Incarnation);
        Assert.Equal(nonce, hello.ClientNonce);
    }

    [Fact]
    public void Hello_TextAtTheLimits_RoundTrips()
    {
        var systemName = new string('s', 64);
        var address = new string('a', 1024);
        var bytes = WireBytes.Write(output => FrameWriter.WriteHello(output, 1, systemName, address, 0, new byte[32]));

        var hello = WireBytes.ReadSingle(bytes, 4096).ReadHello();

        Assert.Equal(systemName, hello.SystemName);
        Assert.Equal(address, hello.Address);
    }

    [Fact]
    public void Challenge_RoundTrips()
    {
        var nonce = Enumerable.Repeat((byte)0xAA, 32).ToArray();
        var proof = Enumerable.Repeat((byte)0x55, 32).ToArray();
        var bytes = WireBytes.Write(output => FrameWriter.WriteChallenge(output, nonce, "server", "actoripc.unix://server@%2Frun%2Fs.sock", 77, proof));

        var challenge = WireBytes.ReadSingle(bytes).ReadChallenge();

        Assert.Equal(nonce, challenge.ServerNonce);
        Assert.Equal("server", challenge.SystemName);
        Assert.Equal("actoripc.unix://server@%2Frun%2Fs.sock", challenge.Address);
        Assert.Equal(77UL, challenge.Incarnation);
        Assert.Equal(proof, challenge.ServerProof);
    }

    [Fact]
    public void ProofAndWelcome_RoundTrip()
    {
        var proof = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        var proofFrame = WireBytes.ReadSingle(WireBytes.Write(output => FrameWriter.WriteProof(output, proof)));
        var welcomeFrame = WireBytes.ReadSingle(WireBytes.Write(FrameWriter.WriteWelcome));

        Assert.Equal(proof, proofFrame.ReadProof());
        Assert.Equal(FrameType.Welcome, welcomeFrame.Type);
        welcomeFrame.ReadWelcome();
    }

    [Fact]
    public void ReadMessage_OnAnotherFrameType_ThrowsInvalidOperation()
    {
        var frame = WireBytes.ReadSingle(WireBytes.Write(output => FrameWriter.WriteAck(output, 1)));

        var error = Assert.Throws<InvalidOperationException>(() => frame.ReadMessage());

        Assert.Equal("cannot read a Ack frame as Message", error.Message);
    }

    [Fact]
    public void WriteHello_SystemNameOverTheLimit_ThrowsArgumentException()
    {
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<ArgumentException>(() => FrameWriter.WriteHello(output, 1, new string('x', 65), "a", 0, new byte[32]));

        Assert.StartsWith("systemName takes 65 UTF-8 bytes; the wire limit is 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void WriteMessage_LoneSurrogateInRecipient_ThrowsArgumentException()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.ThrowsAny<ArgumentException>(() => FrameWriter.WriteMessage(output, MaxFrameSize, "/a\ud800", null, 0, "", []));
        Assert.Equal(0, output.WrittenCount);
    }
}
