using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>What only the TLS transport promises: certificate loading, trust decisions and their messages, mutual TLS, handshake timeout.</summary>
public sealed class TlsTransportTests(TestCertificates certificates) : IAsyncLifetime, IClassFixture<TestCertificates>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<IAsyncDisposable> _opened = [];
    private readonly List<IDisposable> _raw = [];
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(30));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].DisposeAsync();
        }

        foreach (var raw in _raw)
        {
            raw.Dispose();
        }

        _testTimeout.Dispose();
    }

    [Fact]
    public async Task ConnectAsync_ServerCertificateFromAnotherCa_RejectedNamingSubjectThumbprintAndReason()
    {
        var server = Transport(certificates.RoguePfx);
        var client = Transport(null);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.ConnectAsync(listener.Endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));

        Assert.Contains("CN=actoripc-impostor", failure.Message, StringComparison.Ordinal);
        Assert.Contains(certificates.Rogue.GetCertHashString(HashAlgorithmName.SHA256), failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not chain to the configured CA 'CN=ActorIpc Test CA'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(listener.Endpoint.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_MutualTlsClientWithoutCertificate_RefusedAndLoggedWhileOthersGetIn()
    {
        var logger = new CapturingLogger();
        var server = Transport(certificates.ServerPfx, requireClientCertificate: true, logger: logger);
        var anonymous = Transport(null);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));
        var accepting = listener.AcceptAsync(_testTimeout.Token).AsTask();

        // TLS 1.3 lets the client finish before the server has judged its certificate: the refusal
        // shows either in ConnectAsync or on the client's first read.
        var refused = await Record.ExceptionAsync(async () =>
        {
            var connection = Track(await anonymous.ConnectAsync(listener.Endpoint, _testTimeout.Token));
            await connection.Input.ReadToEndAsync(_testTimeout.Token);
        }).WaitAsync(Patience);
        Assert.True(refused is null or TransportException, $"expected the connection to end, got {refused}");

        var logged = await logger.WaitForAsync(line => line.Contains("presented no certificate", StringComparison.Ordinal)).WaitAsync(Patience);
        Assert.Contains("require-client-certificate", logged, StringComparison.Ordinal);
        Assert.False(accepting.IsCompleted);

        var trusted = Transport(certificates.ClientPfx);
        var client = Track(await trusted.ConnectAsync(listener.Endpoint, _testTimeout.Token));
        var accepted = Track(await accepting.WaitAsync(Patience));
        await client.Output.WriteFlushedAsync("mtls"u8.ToArray());
        Assert.Equal("mtls", Encoding.ASCII.GetString(await accepted.Input.ReadExactlyAsync(4, _testTimeout.Token)));
    }

    [Fact]
    public async Task ConnectAsync_MutualTlsClientCertificateFromAnotherCa_RefusedAndLogged()
    {
        var logger = new CapturingLogger();
        var server = Transport(certificates.ServerPfx, requireClientCertificate: true, logger: logger);
        var impostor = Transport(certificates.RoguePfx, caPath: certificates.CaPath);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        await Record.ExceptionAsync(async () =>
        {
            var connection = Track(await impostor.ConnectAsync(listener.Endpoint, _testTimeout.Token));
            await connection.Input.ReadToEndAsync(_testTimeout.Token);
        }).WaitAsync(Patience);

        var logged = await logger.WaitForAsync(line => line.Contains("CN=actoripc-impostor", StringComparison.Ordinal)).WaitAsync(Patience);
        Assert.Contains("client certificate", logged, StringComparison.Ordinal);
        Assert.Contains("does not chain", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_PinnedThumbprintWithoutCa_Accepted()
    {
        var server = Transport(certificates.ServerPfx);
        var client = Transport(null, caPath: null, thumbprints: [certificates.Server.GetCertHashString(HashAlgorithmName.SHA256)]);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        await AssertConnectsAsync(client, listener);
    }

    [Fact]
    public async Task ConnectAsync_WrongPinnedThumbprint_RejectedSayingSo()
    {
        var server = Transport(certificates.ServerPfx);
        var client = Transport(null, caPath: null, thumbprints: [certificates.Client.Thumbprint]);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.ConnectAsync(listener.Endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));

        Assert.Contains("CN=actoripc-server", failure.Message, StringComparison.Ordinal);
        Assert.Contains("none of the pinned thumbprints", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_HostNameNotInCertificateWithCheckOn_Rejected()
    {
        var server = Transport(certificates.WrongNamePfx);
        var client = Transport(null, checkHostName: true);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.ConnectAsync(listener.Endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));

        Assert.Contains("does not name the host", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_HostNameNotInCertificateWithCheckOff_AcceptedOnTheCa()
    {
        var server = Transport(certificates.WrongNamePfx);
        var client = Transport(null, checkHostName: false);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        await AssertConnectsAsync(client, listener);
    }

    [Fact]
    public async Task ConnectAsync_ClientCertificateUsedAsServerCertificate_Rejected()
    {
        // The client certificate lacks the server-authentication usage, so it cannot serve.
        var server = Transport(certificates.ClientPfx);
        var client = Transport(null);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.ConnectAsync(listener.Endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));

        Assert.Contains("CN=actoripc-client", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_PemCertificateAndKey_Serves()
    {
        var pem = new TlsCertificateSettings(null, certificates.NodePemCertificate, certificates.NodePemKey, null, "test.certificate");
        var server = Track(new TlsTransport(TransportTestSettings.Tcp, TransportTestSettings.Tls(pem, certificates.CaPath)));
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));

        await AssertConnectsAsync(Transport(null), listener);
    }

    [Fact]
    public void Constructor_MissingPfxFile_FailsNamingFileAndConfigPath()
    {
        var missing = certificates.ScratchFile("missing.pfx");

        var failure = Assert.Throws<TransportException>(() => new TlsTransport(
            TransportTestSettings.Tcp, TransportTestSettings.Tls(TransportTestSettings.Pfx(missing, "x"), certificates.CaPath)));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Contains("test.certificate.pfx-path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongPfxPassword_FailsNamingFileAndPasswordSetting()
    {
        var failure = Assert.Throws<TransportException>(() => new TlsTransport(
            TransportTestSettings.Tcp, TransportTestSettings.Tls(TransportTestSettings.Pfx(certificates.ServerPfx, "wrong"), certificates.CaPath)));

        Assert.Contains(certificates.ServerPfx, failure.Message, StringComparison.Ordinal);
        Assert.Contains("password", failure.Message, StringComparison.Ordinal);
        Assert.IsType<CryptographicException>(failure.InnerException, exactMatch: false);
    }

    [Fact]
    public void Constructor_MissingCaFile_FailsNamingIt()
    {
        var missing = certificates.ScratchFile("missing-ca.pem");

        var failure = Assert.Throws<TransportException>(() => new TlsTransport(
            TransportTestSettings.Tcp, TransportTestSettings.Tls(TransportTestSettings.NoCertificate, missing)));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
        Assert.Contains("trust.ca-certificate-path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_NoCertificate_FailsSayingWhatToSet()
    {
        var transport = Transport(null);

        var failure = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token).AsTask());

        Assert.Contains("actoripc.remote.tls.certificate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_ServerNeverAnswersHandshake_TimesOutSayingSo()
    {
        var endpoint = SilentServer();
        var client = Transport(null, handshakeTimeout: TimeSpan.FromMilliseconds(200));

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.ConnectAsync(endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));

        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
        Assert.Contains("handshake-timeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_CancelledDuringHandshake_ThrowsOperationCanceledNotTimeout()
    {
        var endpoint = SilentServer();
        var client = Transport(null);
        using var cancel = new CancellationTokenSource();
        var connecting = client.ConnectAsync(endpoint, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting.WaitAsync(Patience));
    }

    [Fact]
    public async Task AcceptAsync_ClientThatNeverHandshakes_DoesNotBlockOthers()
    {
        var server = Transport(certificates.ServerPfx);
        var listener = Track(await server.ListenAsync(TransportEndpoint.Tls("127.0.0.1", 0), _testTimeout.Token));
        var silent = Raw(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        await silent.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.Endpoint.Port));

        await AssertConnectsAsync(Transport(null), listener);
    }

    private TlsTransport Transport(
        string? pfx,
        bool requireClientCertificate = false,
        string? caPath = "",
        IReadOnlyList<string>? thumbprints = null,
        bool checkHostName = true,
        TimeSpan? handshakeTimeout = null,
        CapturingLogger? logger = null)
    {
        var certificate = pfx is null ? TransportTestSettings.NoCertificate : TransportTestSettings.Pfx(pfx, TestCertificates.Password);
        var settings = TransportTestSettings.Tls(
            certificate, caPath == string.Empty ? certificates.CaPath : caPath, thumbprints, requireClientCertificate, checkHostName, handshakeTimeout);
        return Track(new TlsTransport(TransportTestSettings.Tcp, settings, logger));
    }

    private async Task AssertConnectsAsync(ITransport client, IConnectionListener listener)
    {
        var accepting = listener.AcceptAsync(_testTimeout.Token).AsTask();
        var connection = Track(await client.ConnectAsync(listener.Endpoint, _testTimeout.Token).AsTask().WaitAsync(Patience));
        var accepted = Track(await accepting.WaitAsync(Patience));
        await connection.Output.WriteFlushedAsync("tls"u8.ToArray());
        Assert.Equal("tls", Encoding.ASCII.GetString(await accepted.Input.ReadExactlyAsync(3, _testTimeout.Token)));
    }

    // A TCP listener that accepts (in the kernel's backlog) but never speaks TLS.
    private TransportEndpoint SilentServer()
    {
        var socket = Raw(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return TransportEndpoint.Tls("127.0.0.1", ((IPEndPoint)socket.LocalEndPoint!).Port);
    }

    private Socket Raw(Socket socket)
    {
        _raw.Add(socket);
        return socket;
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _opened.Add(resource);
        return resource;
    }
}
