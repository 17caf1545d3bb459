using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ActorIpc.Remote.Serialization;
using ActorIpc.Remote.Wire;
using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Bad bytes on a node's Unix socket, before and after a proper handshake: the connection that
/// carried them is closed (or, for a corrupt message payload, only that message is dropped) with a
/// logged reason, and the node goes on serving another node's Asks over its own connection.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const int MaxFrameSize = 4 * 1024 * 1024;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Both nodes keep their sockets here, so the test knows where beta's socket file is.
    private readonly ScratchDirectory _sockets = new();
    private readonly CapturingLoggerFactory _betaLog = new();
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private ActorSystem _gamma = null!;
    private TestKitBase _betaKit = null!;
    private IActorRef _echoFromGamma = null!;

    public static TheoryData<string, bool> BeforeHandshake => new()
    {
        { "garbage", true },
        { "zero-length", true },
        { "oversized-length", true },
        { "truncated-then-end", false },
        { "truncated-then-silence", false },
    };

    public static TheoryData<string> AfterHandshake => new()
    {
        "garbage",
        "oversized-length",
        "unknown-frame-type",
        "handshake-frame-again",
        "recipient-not-a-path",
    };

    private string BetaSocketPath => Path.Combine(_sockets.Path, _betaRemoting.Address.Host + ".sock");

    private string RecorderPath => $"{_betaRemoting.Address}/user/recorder";

    public async Task InitializeAsync()
    {
        var directory = $"actoripc.remote.unix.directory = \"{_sockets.Path}\"";
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta", directory + "\nactoripc.remote.handshake-timeout = 1s", _betaLog);
        (_gamma, _) = await RemoteNodes.StartAsync("gamma", directory);
        _betaKit = new TestKitBase(_beta);
        _beta.ActorOf(RecordingEcho.Props(_betaKit.TestActor), "recorder");

        // Gamma's connection to beta is up before the bad bytes arrive, and must stay usable.
        _echoFromGamma = await _gamma.ActorSelection(RecorderPath).ResolveOne();
        Assert.Equal("before", await _echoFromGamma.Ask<string>("before", Patience));
        await _betaKit.ExpectMsgAsync("before", Patience);
    }

    public async Task DisposeAsync()
    {
        await _beta.Terminate();
        await _gamma.Terminate();
        _sockets.Dispose();
    }

    [Theory]
    [MemberData(nameof(BeforeHandshake))]
    public async Task BadBytesInsteadOfAHandshake_ConnectionClosedAndNodeServesOthers(string kind, bool rejected)
    {
        Assert.True(File.Exists(BetaSocketPath), $"no socket file at {BetaSocketPath}");
        using var timeout = new CancellationTokenSource(Patience);
        using var raw = await RawConnection.ConnectAsync(BetaSocketPath, timeout.Token);

        await raw.WriteAsync(BytesBeforeHandshake(kind), timeout.Token);
        if (kind == "truncated-then-end")
        {
            raw.ShutdownSend();
        }

        var ending = await raw.ReadUntilClosedAsync(timeout.Token);

        Assert.NotEqual(RawConnection.StillOpen, ending);
        FrameType[] expected = rejected ? [FrameType.Reject] : [];
        Assert.Equal(expected, raw.ReceivedFrameTypes(MaxFrameSize));
        var logged = await _betaLog.Logger.WaitForAsync(line => line.Contains("Refused a connection", StringComparison.Ordinal)).WaitAsync(Patience);
        Assert.StartsWith("Warning", logged, StringComparison.Ordinal);
        await AssertBetaServesGammaAsync();
    }

    [Theory]
    [MemberData(nameof(AfterHandshake))]
    public async Task BadFrameAfterTheHandshake_ConnectionClosedAndNodeServesOthers(string kind)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var raw = await RawConnection.ConnectAsync(BetaSocketPath, timeout.Token);
        await raw.HandshakeAsync(Mallory(), _betaRemoting.Address.System!, timeout.Token);

        await raw.WriteAsync(BytesAfterHandshake(kind), timeout.Token);
        var ending = await raw.ReadUntilClosedAsync(timeout.Token);

        Assert.NotEqual(RawConnection.StillOpen, ending);
        var logged = await _betaLog.Logger.WaitForAsync(line => line.Contains("Closing the connection", StringComparison.Ordinal)).WaitAsync(Patience);
        Assert.StartsWith("Warning", logged, StringComparison.Ordinal);
        await AssertBetaServesGammaAsync();
    }

    [Fact]
    public async Task CorruptPayloadsAfterTheHandshake_OnlyThoseMessagesAreDroppedAndTheConnectionGoesOn()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var raw = await RawConnection.ConnectAsync(BetaSocketPath, timeout.Token);
        await raw.HandshakeAsync(Mallory(), _betaRemoting.Address.System!, timeout.Token);
        var greeting = TypeManifest.Of(typeof(Greeting));

        await raw.WriteAsync(
            [
                .. Message(RecorderPath, BuiltInSerializers.PrimitiveId, string.Empty, [0xEE, 1, 2, 3]),
                .. Message(RecorderPath, 77, string.Empty, [1, 2, 3]),
                .. Message(RecorderPath, BuiltInSerializers.JsonId, greeting, Encoding.UTF8.GetBytes("{\"Text\": oops")),
                .. Message(RecorderPath, BuiltInSerializers.PrimitiveId, string.Empty, [1, .. "after"u8]),
            ],
            timeout.Token);

        // Frames are delivered in order: the good one arriving first means the bad ones never did.
        Assert.Equal("after", await _betaKit.ExpectMsgAsync<string>(Patience));
        Assert.Equal(3, _betaLog.Logger.Lines.Count(line => line.Contains("Dropped a message", StringComparison.Ordinal)));
        Assert.DoesNotContain(_betaLog.Logger.Lines, line => line.Contains("Closing the connection", StringComparison.Ordinal));
        await AssertBetaServesGammaAsync();
    }

    private static HandshakeOptions Mallory() =>
        new(new NodeIdentity("mallory", $"actoripc.unix://mallory@mallory-{Guid.NewGuid():N}", 7), ReadOnlySpan<byte>.Empty);

    private static byte[] BytesBeforeHandshake(string kind) => kind switch
    {
        "garbage" => [.. "GET / HTTP/1.1\r\nHost: beta\r\n\r\n"u8, .. RandomBytes(64)],
        "zero-length" => [0, 0, 0, 0, (byte)FrameType.Hello],
        "oversized-length" => [.. U32(0x7FFF_FFF0), (byte)FrameType.Hello, 1, 2, 3],
        "truncated-then-end" or "truncated-then-silence" => [.. U32(200), (byte)FrameType.Hello, .. RandomBytes(20)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private byte[] BytesAfterHandshake(string kind) => kind switch
    {
        "garbage" => [.. U32(0x4000_0000), .. RandomBytes(64)],
        "oversized-length" => [.. U32(MaxFrameSize + 1), (byte)FrameType.Message],
        "unknown-frame-type" => [.. U32(3), 0x7F, 1, 2],
        "handshake-frame-again" => [.. U32(1), (byte)FrameType.Welcome],
        "recipient-not-a-path" => Message("not a path", BuiltInSerializers.PrimitiveId, string.Empty, [1, .. "lost"u8]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Message(string recipient, int serializerId, string manifest, byte[] payload)
    {
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.WriteMessage(output, MaxFrameSize, recipient, null, serializerId, manifest, payload);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(4711).NextBytes(bytes);
        return bytes;
    }

    private async Task AssertBetaServesGammaAsync()
    {
        Assert.Equal("after", await _echoFromGamma.Ask<string>("after", Patience));
        Assert.Equal("after", await _betaKit.ExpectMsgAsync<string>(Patience));
    }
}
