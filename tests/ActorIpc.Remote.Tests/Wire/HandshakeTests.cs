using System.Buffers;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

public sealed class HandshakeTests
{
    private static readonly NodeIdentity ClientIdentity = new("orders", "actoripc.unix://orders@%2Frun%2Forders.sock", 11);
    private static readonly NodeIdentity ServerIdentity = new("billing", "actoripc.tcp://billing@10.0.0.2:4000", 22);
    private static readonly byte[] Secret = "correct horse battery staple"u8.ToArray();

    [Fact]
    public void Handshake_SameSecret_BothSidesSucceedWithThePeersIdentity()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret), expectedSystemName: "billing");
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server);

        Assert.Equal(HandshakeStatus.Succeeded, client.Status);
        Assert.Equal(HandshakeStatus.Succeeded, server.Status);
        Assert.Equal(ServerIdentity, client.Peer);
        Assert.Equal(ClientIdentity, server.Peer);
        Assert.Null(client.FailureReason);
        Assert.Null(server.FailureReason);
    }

    [Fact]
    public void Handshake_EmptySecretOnBothSides_Succeeds()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, []));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, []));

        Run(client, server);

        Assert.Equal(HandshakeStatus.Succeeded, client.Status);
        Assert.Equal(HandshakeStatus.Succeeded, server.Status);
    }

    [Fact]
    public void Handshake_BytesDeliveredOneAtATime_Succeeds()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server, trickle: true);

        Assert.Equal(HandshakeStatus.Succeeded, client.Status);
        Assert.Equal(HandshakeStatus.Succeeded, server.Status);
    }

    [Fact]
    public void Advance_FramesAfterWelcome_AreLeftForTheConnection()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var toServer = new ArrayBufferWriter<byte>();
        client.Start(toServer);
        var toClient = new ArrayBufferWriter<byte>();
        Feed(server, toServer, toClient);
        Feed(client, toClient, toServer);
        Feed(server, toServer, toClient);

        // Welcome and the first heartbeat arrive in one read.
        FrameWriter.WriteHeartbeat(toClient, 1, 2);
        var input = new ReadOnlySequence<byte>(toClient.WrittenMemory);
        var status = client.Advance(ref input, new ArrayBufferWriter<byte>());

        Assert.Equal(HandshakeStatus.Succeeded, status);
        Assert.True(FrameReader.TryReadFrame(ref input, 1024, out var frame));
        Assert.Equal(new HeartbeatFrame(1, 2), frame.ReadHeartbeat());
    }

    [Fact]
    public void Handshake_WrongSecret_ClientRefusesTheServerAndTheServerLearnsWhy()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, "guess"u8));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server);

        Assert.Equal(HandshakeStatus.Failed, client.Status);
        Assert.Equal("the peer's proof does not match: wrong shared secret", client.FailureReason);
        Assert.Equal(HandshakeStatus.Failed, server.Status);
        Assert.Equal("the client rejected the handshake: the server's proof does not match the client's shared secret", server.FailureReason);
        Assert.Null(server.Peer);
        Assert.Null(client.Peer);
    }

    [Fact]
    public void Handshake_ClientWithoutSecret_IsRefused()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, []));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server);

        Assert.Equal(HandshakeStatus.Failed, client.Status);
        Assert.Equal(HandshakeStatus.Failed, server.Status);
    }

    [Fact]
    public void ServerAdvance_ForgedProof_RejectsWithTheReason()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var output = new ArrayBufferWriter<byte>();
        Feed(server, WireBytes.Write(output => new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret)).Start(output)), output);

        var status = Feed(server, WireBytes.Write(o => FrameWriter.WriteProof(o, new byte[32])), output);

        Assert.Equal(HandshakeStatus.Failed, status);
        Assert.Equal("the peer's proof does not match: wrong shared secret", server.FailureReason);
        Assert.Equal("the client's proof does not match the server's shared secret", LastFrame(output).ReadReject());
    }

    [Fact]
    public void ServerAdvance_ServerProofReflectedAsClientProof_Fails()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var output = new ArrayBufferWriter<byte>();
        Feed(server, WireBytes.Write(o => new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret)).Start(o)), output);
        var challenge = LastFrame(output).ReadChallenge();

        var status = Feed(server, WireBytes.Write(o => FrameWriter.WriteProof(o, challenge.ServerProof)), output);

        Assert.Equal(HandshakeStatus.Failed, status);
        Assert.Equal("the peer's proof does not match: wrong shared secret", server.FailureReason);
    }

    [Fact]
    public void ClientAdvance_ChallengeReplayedToAnotherClient_Fails()
    {
        // A challenge answers one client nonce only: one recorded for another client proves nothing.
        var firstClient = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var challenge = new ArrayBufferWriter<byte>();
        Feed(server, WireBytes.Write(firstClient.Start), challenge);
        var secondClient = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        secondClient.Start(new ArrayBufferWriter<byte>());

        var status = Feed(secondClient, challenge.WrittenSpan.ToArray(), new ArrayBufferWriter<byte>());

        Assert.Equal(HandshakeStatus.Failed, status);
        Assert.Equal("the peer's proof does not match: wrong shared secret", secondClient.FailureReason);
    }

    [Fact]
    public void Handshake_VersionMismatch_BothSidesReportTheVersions()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret) { ProtocolVersion = 3 });
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server);

        Assert.Equal("the peer speaks protocol 3, this node 1", server.FailureReason);
        Assert.Equal("the server rejected the handshake: protocol version mismatch: the server speaks protocol 1, the client 3", client.FailureReason);
    }

    [Fact]
    public void ServerAdvance_HelloOfAnotherVersionWithAnotherLayout_ReportsTheVersionNotGarbage()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var hello = WireBytes.Frame(FrameType.Hello, [.. "AIPC"u8], WireBytes.U16(2), [0xFF, 0xFF, 0xFF]);

        Feed(server, hello, new ArrayBufferWriter<byte>());

        Assert.Equal("the peer speaks protocol 2, this node 1", server.FailureReason);
    }

    [Fact]
    public void ClientAdvance_UnexpectedSystemName_Fails()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret), expectedSystemName: "payments");
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Run(client, server);

        Assert.Equal("dialled actor system 'payments' but the peer at actoripc.tcp://billing@10.0.0.2:4000 is 'billing'", client.FailureReason);
        Assert.Equal("the client rejected the handshake: the client dialled actor system 'payments', not 'billing'", server.FailureReason);
    }

    [Fact]
    public void ServerAdvance_ProofBeforeHello_FailsAsUnexpected()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var output = new ArrayBufferWriter<byte>();

        var status = Feed(server, WireBytes.Write(o => FrameWriter.WriteProof(o, new byte[32])), output);

        Assert.Equal(HandshakeStatus.Failed, status);
        Assert.Equal("unexpected Proof frame while awaiting Hello", server.FailureReason);
        Assert.Equal("unexpected Proof frame while awaiting Hello", LastFrame(output).ReadReject());
    }

    [Fact]
    public void ServerAdvance_MessageBeforeHandshake_FailsAsUnexpected()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Feed(server, WireBytes.Write(o => FrameWriter.WriteMessage(o, 1024, "/user/a", null, 1, "", [1])), new ArrayBufferWriter<byte>());

        Assert.Equal("unexpected Message frame while awaiting Hello", server.FailureReason);
    }

    [Fact]
    public void ClientAdvance_WelcomeBeforeChallenge_FailsAsUnexpected()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        client.Start(new ArrayBufferWriter<byte>());

        Feed(client, WireBytes.Write(FrameWriter.WriteWelcome), new ArrayBufferWriter<byte>());

        Assert.Equal("unexpected Welcome frame while awaiting Challenge", client.FailureReason);
    }

    [Fact]
    public void ClientAdvance_OwnHelloReflected_FailsAsUnexpected()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        var hello = WireBytes.Write(client.Start);

        Feed(client, hello, new ArrayBufferWriter<byte>());

        Assert.Equal("unexpected Hello frame while awaiting Challenge", client.FailureReason);
    }

    [Fact]
    public void ServerAdvance_OversizedHandshakeFrame_FailsBeforeBufferingIt()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        var output = new ArrayBufferWriter<byte>();

        var status = Feed(server, [.. WireBytes.U32(5000), (byte)FrameType.Hello], output);

        Assert.Equal(HandshakeStatus.Failed, status);
        Assert.Equal("malformed handshake from the client: frame of 5000 bytes (4.9 KiB) exceeds the maximum of 4 KiB", server.FailureReason);
        Assert.Equal("frame of 5000 bytes (4.9 KiB) exceeds the maximum of 4 KiB", LastFrame(output).ReadReject());
    }

    [Fact]
    public void ServerAdvance_MalformedHello_FailsWithTheDecoderReason()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Feed(server, WireBytes.Frame(FrameType.Hello, [.. "AIPC"u8], WireBytes.U16(1), WireBytes.Text("x")), new ArrayBufferWriter<byte>());

        Assert.Equal("malformed handshake from the client: Hello frame: address length varint at offset 13 is cut off by the frame end at offset 13", server.FailureReason);
    }

    [Fact]
    public void ServerAdvance_GarbageThatIsNotActorIpc_FailsOnTheMagic()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));

        Feed(server, WireBytes.Frame(FrameType.Hello, [.. "GET / HTTP/1.1"u8]), new ArrayBufferWriter<byte>());

        Assert.Equal("malformed handshake from the client: Hello frame: magic 0x20544547 at offset 5 is not \"AIPC\": the peer does not speak the ActorIpc protocol", server.FailureReason);
    }

    [Fact]
    public void ClientAdvance_BeforeStart_ThrowsInvalidOperation()
    {
        var client = new ClientHandshake(new HandshakeOptions(ClientIdentity, Secret));
        var input = ReadOnlySequence<byte>.Empty;

        Assert.Throws<InvalidOperationException>(() => client.Advance(ref input, new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void ServerAdvance_AfterFailure_ThrowsInvalidOperation()
    {
        var server = new ServerHandshake(new HandshakeOptions(ServerIdentity, Secret));
        Feed(server, WireBytes.Write(FrameWriter.WriteWelcome), new ArrayBufferWriter<byte>());

        Assert.Throws<InvalidOperationException>(() => Feed(server, [], new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void NodeIdentity_AddressOverTheLimit_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new NodeIdentity("a", new string('x', 1025), 1));
    }

    private static void Run(ClientHandshake client, ServerHandshake server, bool trickle = false)
    {
        var toServer = new ArrayBufferWriter<byte>();
        var toClient = new ArrayBufferWriter<byte>();
        client.Start(toServer);

        // Each side answers at most once per step; four exchanges cover the longest run.
        for (var round = 0; round < 4; round++)
        {
            if (server.Status == HandshakeStatus.InProgress && toServer.WrittenCount > 0)
            {
                Feed(server, toServer, toClient, trickle);
            }

            if (client.Status == HandshakeStatus.InProgress && toClient.WrittenCount > 0)
            {
                Feed(client, toClient, toServer, trickle);
            }
        }
    }

    // Moves everything written to `input` into the machine, then clears it, as a socket would.
    private static void Feed(ServerHandshake server, ArrayBufferWriter<byte> input, ArrayBufferWriter<byte> output, bool trickle = false)
    {
        var bytes = input.WrittenSpan.ToArray();
        input.Clear();
        FeedBytes(bytes, trickle, (ref ReadOnlySequence<byte> sequence) => server.Advance(ref sequence, output));
    }

    private static void Feed(ClientHandshake client, ArrayBufferWriter<byte> input, ArrayBufferWriter<byte> output, bool trickle = false)
    {
        var bytes = input.WrittenSpan.ToArray();
        input.Clear();
        FeedBytes(bytes, trickle, (ref ReadOnlySequence<byte> sequence) => client.Advance(ref sequence, output));
    }

    private static HandshakeStatus Feed(ServerHandshake server, byte[] bytes, ArrayBufferWriter<byte> output)
    {
        var input = new ReadOnlySequence<byte>(bytes);
        return server.Advance(ref input, output);
    }

    private static HandshakeStatus Feed(ClientHandshake client, byte[] bytes, ArrayBufferWriter<byte> output)
    {
        var input = new ReadOnlySequence<byte>(bytes);
        return client.Advance(ref input, output);
    }

    private delegate HandshakeStatus Advance(ref ReadOnlySequence<byte> input);

    private static void FeedBytes(byte[] bytes, bool trickle, Advance advance)
    {
        if (!trickle)
        {
            var all = new ReadOnlySequence<byte>(bytes);
            advance(ref all);
            Assert.Equal(0, all.Length);
            return;
        }

        // One more byte at a time, the unconsumed rest kept, as a pipe does.
        var consumed = 0;
        for (var received = 1; received <= bytes.Length; received++)
        {
            var buffer = TestSequence.Chunked(bytes[consumed..received], 1);
            var before = buffer.Length;
            if (advance(ref buffer) != HandshakeStatus.InProgress)
            {
                return;
            }

            consumed += (int)(before - buffer.Length);
        }
    }

    private static Frame LastFrame(ArrayBufferWriter<byte> output)
    {
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Frame last = default;
        while (FrameReader.TryReadFrame(ref buffer, 4096, out var frame))
        {
            last = frame;
        }

        return last;
    }
}
