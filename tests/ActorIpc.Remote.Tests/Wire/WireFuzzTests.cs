using System.Buffers;
using System.Globalization;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

/// <summary>
/// Property: whatever bytes arrive, the frame decoder and both handshake machines end with
/// data or a <see cref="ProtocolException"/> (the handshakes with a failure status), in a
/// bounded number of steps, allocating no more than the input itself could justify.
/// </summary>
public sealed class WireFuzzTests
{
    private const int Inputs = 100_000;
    private const int Warmup = 2_000;
    private const int MaxFrameSize = 1 << 20;

    // Decoded strings take two bytes per input byte; the rest covers exceptions, reasons and
    // the handshake's own objects. Anything sized by a length field instead of by the input
    // (up to 1 MiB here) blows through it.
    private const int AllocationSlack = 8 * 1024;

    private static readonly byte[] ClientNonce = Enumerable.Repeat((byte)0xC1, 32).ToArray();
    private static readonly byte[] ServerNonce = Enumerable.Repeat((byte)0x5E, 32).ToArray();
    private static readonly HandshakeOptions ClientOptions = new(new NodeIdentity("client", "actoripc.unix://client@%2Frun%2Fc.sock", 1), "s3cret"u8);
    private static readonly HandshakeOptions ServerOptions = new(new NodeIdentity("server", "actoripc.tcp://server@127.0.0.1:4000", 2), "s3cret"u8);

    private static readonly uint[] InterestingLengths = [0, 1, 2, 4, 8, 16, 17, 32, 4095, 4096, 4097, MaxFrameSize, MaxFrameSize + 1, int.MaxValue, uint.MaxValue];

    [Fact]
    public void DecoderAndHandshakes_RandomAndMutatedInput_FailOnlyWithProtocolErrorsInBoundedTimeAndMemory()
    {
        var seed = Environment.GetEnvironmentVariable("ACTORIPC_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var corpus = BuildCorpus();
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var outcomes = new int[3];

        for (var i = 0; i < Warmup + Inputs; i++)
        {
            var input = NextInput(random, corpus);
            var sequence = random.Next(4) == 0 ? TestSequence.RandomlyChunked(input, random, 8) : new ReadOnlySequence<byte>(input);
            var context = $"seed {seed} (rerun with ACTORIPC_FUZZ_SEED={seed}), input #{i} = {Convert.ToHexString(input)}";
            var bound = (2L * input.Length) + AllocationSlack;
            var measure = i >= Warmup;

            var outcome = 0;
            Check("frame decoder", () => outcome = DecodeAll(sequence, input.Length), bound, measure, context);
            outcomes[outcome]++;
            Check("server handshake", () => { output.Clear(); RunServer(sequence, output); }, bound, measure, context);
            Check("client handshake", () => { output.Clear(); RunClient(sequence, output); }, bound, measure, context);
        }

        // The generator must reach all three outcomes, or the property says little.
        Assert.All(outcomes, count => Assert.True(count > Inputs / 100, $"outcomes (clean, partial, error): {string.Join(", ", outcomes)}; seed {seed}"));
    }

    // 0: every byte decoded into valid frames; 1: valid frames then a partial one; 2: a protocol error.
    private static int DecodeAll(ReadOnlySequence<byte> buffer, int inputLength)
    {
        try
        {
            var frames = 0;
            while (FrameReader.TryReadFrame(ref buffer, MaxFrameSize, out var frame))
            {
                // Every frame consumes at least five bytes: the loop is bounded by the input.
                Assert.True(++frames <= inputLength / WireProtocol.HeaderSize, "the decoder produced more frames than the input can hold");
                Decode(frame);
            }

            return buffer.Length == 0 ? 0 : 1;
        }
        catch (ProtocolException)
        {
            return 2;
        }
    }

    private static void Decode(Frame frame)
    {
        switch (frame.Type)
        {
            case FrameType.Hello:
                frame.ReadHelloVersion();
                frame.ReadHello();
                break;
            case FrameType.Challenge:
                frame.ReadChallenge();
                break;
            case FrameType.Proof:
                frame.ReadProof();
                break;
            case FrameType.Welcome:
                frame.ReadWelcome();
                break;
            case FrameType.Reject:
                frame.ReadReject();
                break;
            case FrameType.Message:
                // A small scratch, so split fields take both the scratch and the new-array path.
                var raw = frame.ReadRawMessage(stackalloc byte[16]);
                raw.Recipient.Decode();
                raw.Sender.Decode();
                raw.Manifest.Decode();
                frame.ReadMessage();
                break;
            case FrameType.SystemMessage:
                frame.ReadSystemMessage(out _);
                break;
            case FrameType.Ack:
                frame.ReadAck();
                break;
            case FrameType.Heartbeat:
                frame.ReadHeartbeat();
                break;
            case FrameType.HeartbeatReply:
                frame.ReadHeartbeatReply();
                break;
            case FrameType.Close:
                frame.ReadClose();
                break;
            default:
                throw new InvalidOperationException($"the reader returned an unknown frame type {frame.Type}");
        }
    }

    private static void RunServer(ReadOnlySequence<byte> input, ArrayBufferWriter<byte> output)
    {
        var server = new ServerHandshake(ServerOptions, ServerNonce);
        var status = server.Advance(ref input, output);
        Assert.True(status != HandshakeStatus.Failed || server.FailureReason is { Length: > 0 }, "a failed handshake must say why");
    }

    private static void RunClient(ReadOnlySequence<byte> input, ArrayBufferWriter<byte> output)
    {
        var client = new ClientHandshake(ClientOptions, "server", ClientNonce);
        client.Start(output);
        var status = client.Advance(ref input, output);
        Assert.True(status != HandshakeStatus.Failed || client.FailureReason is { Length: > 0 }, "a failed handshake must say why");
    }

    private static void Check(string target, Action run, long bound, bool measure, string context)
    {
        var allocated = RunMeasured(target, run, context);

        // A path taken for the first time may set up runtime state once (a resource string, a
        // lazily made static) on this thread; that is not the decoder's. The same input run
        // again shows what the decoder itself allocates.
        if (measure && allocated > bound && RunMeasured(target, run, context) is var again && again > bound)
        {
            Assert.Fail($"{target} allocated {again} bytes, twice in a row (bound {bound}), for {context}");
        }
    }

    private static long RunMeasured(string target, Action run, string context)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            run();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{target} threw {e.GetType().Name} ({e.Message}) for {context}\n{e}");
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static byte[] NextInput(Random random, List<byte[][]> corpus)
    {
        switch (random.Next(20))
        {
            case 0 or 1 or 2:
                return RandomBytes(random, random.Next(0, 64));
            case 3 or 4 or 5 or 6:
                // A well-formed header of a known type around a random body: reaches the field decoders.
                var types = Enum.GetValues<FrameType>();
                return WireBytes.Frame(types[random.Next(types.Length)], RandomBytes(random, random.Next(0, 80)));
            default:
                return Mutate(random, corpus[random.Next(corpus.Count)]);
        }
    }

    private static byte[] Mutate(Random random, byte[][] frames)
    {
        var starts = new List<int>();
        var data = new List<byte>();
        foreach (var frame in frames)
        {
            starts.Add(data.Count);
            data.AddRange(frame);
        }

        for (var mutations = random.Next(1, 4); mutations > 0 && data.Count > 0; mutations--)
        {
            var at = random.Next(data.Count);
            switch (random.Next(8))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 3:
                    data.InsertRange(at, RandomBytes(random, random.Next(1, 17)));
                    break;
                case 4:
                    data.RemoveRange(at, random.Next(1, Math.Min(16, data.Count - at) + 1));
                    break;
                case 5:
                    // Rewrite one frame's length field with a boundary value.
                    var start = starts[random.Next(starts.Count)];
                    var length = InterestingLengths[random.Next(InterestingLengths.Length)];
                    for (var b = 0; b < 4 && start + b < data.Count; b++)
                    {
                        data[start + b] = (byte)(length >> (8 * b));
                    }

                    break;
                case 6:
                    // Turn a byte into a varint continuation, stretching whatever length it was.
                    data[at] |= 0x80;
                    break;
                default:
                    var from = random.Next(data.Count);
                    var count = random.Next(1, Math.Min(32, data.Count - from) + 1);
                    data.InsertRange(at, data.GetRange(from, count));
                    break;
            }
        }

        return [.. data];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static List<byte[][]> BuildCorpus()
    {
        // The real transcript for the fixed nonces, so unmutated parts get deep into both machines.
        var client = new ClientHandshake(ClientOptions, "server", ClientNonce);
        var server = new ServerHandshake(ServerOptions, ServerNonce);
        var hello = WireBytes.Write(client.Start);
        var challenge = Answer(hello, (ref ReadOnlySequence<byte> input, IBufferWriter<byte> output) => server.Advance(ref input, output));
        var proof = Answer(challenge, (ref ReadOnlySequence<byte> input, IBufferWriter<byte> output) => client.Advance(ref input, output));
        var welcome = Answer(proof, (ref ReadOnlySequence<byte> input, IBufferWriter<byte> output) => server.Advance(ref input, output));
        Assert.Equal(HandshakeStatus.Succeeded, server.Status);

        byte[] Frame(Action<IBufferWriter<byte>> write) => WireBytes.Write(write);
        var message = Frame(o => FrameWriter.WriteMessage(o, MaxFrameSize, "/user/ä", "/user/b", 300, "Shop.Order", new byte[40]));
        var system = Frame(o => FrameWriter.WriteSystemMessage(o, MaxFrameSize, 7, "/user/w", null, 2, "", [1, 2, 3]));
        var ack = Frame(o => FrameWriter.WriteAck(o, 7));
        var heartbeat = Frame(o => FrameWriter.WriteHeartbeat(o, 1, 123456));
        var reply = Frame(o => FrameWriter.WriteHeartbeatReply(o, 1, 123456));
        var close = Frame(o => FrameWriter.WriteClose(o, "shutting down"));
        var reject = Frame(o => FrameWriter.WriteReject(o, "no"));

        return
        [
            [hello], [challenge], [proof], [welcome], [reject],
            [hello, proof], [challenge, welcome, heartbeat], [hello, reject], [challenge, reject],
            [message], [system], [ack], [heartbeat], [reply], [close],
            [message, system, ack, heartbeat, reply, message, close],
        ];
    }

    private delegate HandshakeStatus Step(ref ReadOnlySequence<byte> input, IBufferWriter<byte> output);

    private static byte[] Answer(byte[] received, Step step)
    {
        var input = new ReadOnlySequence<byte>(received);
        return WireBytes.Write(output => step(ref input, output));
    }
}
