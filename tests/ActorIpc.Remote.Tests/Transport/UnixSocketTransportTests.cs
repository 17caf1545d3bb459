using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>What only the Unix socket transport promises: file modes, stale and live sockets, cleanup.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class UnixSocketTransportTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly ScratchDirectory _scratch = new();
    private readonly List<IAsyncDisposable> _opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].DisposeAsync();
        }

        _scratch.Dispose();
    }

    [Fact]
    public async Task ListenAsync_SocketFile_HasMode0600()
    {
        var transport = Transport();

        var listener = await ListenAsync(transport, "worker");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(listener.Endpoint.SocketPath!));
    }

    [Fact]
    public async Task ListenAsync_MissingDirectory_CreatesItWithMode0700()
    {
        var directory = _scratch.File("run");
        var transport = Transport(directory);

        await ListenAsync(transport, "worker");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(directory));
    }

    [Fact]
    public async Task ListenAsync_DirectoryOthersCanEnter_RefusedNamingDirectoryAndMode()
    {
        var directory = _scratch.File("open");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var transport = Transport(directory);

        var failure = await Assert.ThrowsAsync<TransportException>(() => ListenAsync(transport, "worker"));

        Assert.Contains(directory, failure.Message, StringComparison.Ordinal);
        Assert.Contains("0755", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "worker.sock")));
    }

    [Fact]
    public async Task ConnectAsync_DirectoryOthersCanEnter_Refused()
    {
        var directory = _scratch.File("open");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, OwnerOnly | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var transport = Transport(directory);

        var failure = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(transport.EndpointFor("worker"), CancellationToken.None).AsTask());

        Assert.Contains("0703", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_DirectoryIsSymbolicLink_Refused()
    {
        var real = _scratch.File("real");
        Directory.CreateDirectory(real, OwnerOnly);
        var link = _scratch.File("link");
        Directory.CreateSymbolicLink(link, real);
        var transport = Transport(link);

        var failure = await Assert.ThrowsAsync<TransportException>(() => ListenAsync(transport, "worker"));

        Assert.Contains("symbolic link", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_StaleSocketFile_ReplacedAndServes()
    {
        var transport = Transport();
        var endpoint = transport.EndpointFor("worker");
        LeaveStaleSocket(endpoint.SocketPath!);

        var listener = await ListenAsync(transport, "worker");

        await AssertServesAsync(transport, listener);
    }

    [Fact]
    public async Task ConnectAsync_StaleSocketFile_FailsSayingStale()
    {
        var transport = Transport();
        var endpoint = transport.EndpointFor("gone");
        LeaveStaleSocket(endpoint.SocketPath!);

        var failure = await Assert.ThrowsAsync<TransportException>(() => transport.ConnectAsync(endpoint, CancellationToken.None).AsTask().WaitAsync(Patience));

        Assert.Contains("stale", failure.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint.SocketPath!, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_LiveSocket_NotTakenOverAndStillServes()
    {
        var first = Transport();
        var listener = await ListenAsync(first, "worker");
        var second = Transport();

        var failure = await Assert.ThrowsAsync<TransportException>(() => ListenAsync(second, "worker"));

        Assert.Contains("another process is listening", failure.Message, StringComparison.Ordinal);
        Assert.Contains(listener.Endpoint.SocketPath!, failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(listener.Endpoint.SocketPath));

        // The probe's own connection is the first in the queue; the test's comes after it.
        var probe = Track(await listener.AcceptAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
        Assert.True((await probe.Input.ReadAsync().AsTask().WaitAsync(Patience)).IsCompleted);
        await AssertServesAsync(first, listener);
    }

    [Fact]
    public async Task ListenAsync_FileWithContentInTheWay_NeverDeleted()
    {
        var transport = Transport();
        var path = transport.EndpointFor("worker").SocketPath!;
        await File.WriteAllTextAsync(path, "precious");

        var failure = await Assert.ThrowsAsync<TransportException>(() => ListenAsync(transport, "worker"));

        Assert.Contains("not a socket", failure.Message, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task DisposeAsync_Listener_RemovesSocketFile()
    {
        var transport = Transport();
        var listener = await transport.ListenAsync(transport.EndpointFor("worker"), CancellationToken.None);
        var path = listener.Endpoint.SocketPath!;
        Assert.True(File.Exists(path));

        await listener.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ListenAsync_AbsolutePathOutsideRuntimeDirectory_Serves()
    {
        var transport = Transport(_scratch.File("runtime"));
        var elsewhere = TransportEndpoint.Unix(_scratch.File("elsewhere.sock"));

        var listener = Track(await transport.ListenAsync(elsewhere, CancellationToken.None));

        Assert.Equal(elsewhere, listener.Endpoint);
        await AssertServesAsync(transport, listener);
    }

    [Fact]
    public async Task ListenAsync_PathInMissingDirectoryOutsideRuntimeDirectory_FailsNamingTheDirectory()
    {
        var transport = Transport();
        var endpoint = TransportEndpoint.Unix(_scratch.File("absent/app.sock"));

        var failure = await Assert.ThrowsAsync<TransportException>(() => transport.ListenAsync(endpoint, CancellationToken.None).AsTask());

        Assert.Contains(_scratch.File("absent") + " does not exist", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoDirectoryConfigured_UsesTheDefaultRuntimeDirectory()
    {
        var transport = new UnixSocketTransport(new UnixTransportSettings(null, TransportTestSettings.Connection));

        Assert.EndsWith("actoripc", Path.GetFileName(transport.RuntimeDirectory).Split('-')[0], StringComparison.Ordinal);
        Assert.True(Path.IsPathFullyQualified(transport.RuntimeDirectory));
    }

    private UnixSocketTransport Transport(string? directory = null) =>
        Track(new UnixSocketTransport(TransportTestSettings.Unix(directory ?? _scratch.Path)));

    private async Task<IConnectionListener> ListenAsync(UnixSocketTransport transport, string name) =>
        Track(await transport.ListenAsync(transport.EndpointFor(name), CancellationToken.None));

    private async Task AssertServesAsync(ITransport transport, IConnectionListener listener)
    {
        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        var client = Track(await transport.ConnectAsync(listener.Endpoint, CancellationToken.None));
        var server = Track(await accepting.WaitAsync(Patience));
        await client.Output.WriteFlushedAsync("hi"u8.ToArray());
        Assert.Equal("hi", Encoding.ASCII.GetString(await server.Input.ReadExactlyAsync(2, new CancellationTokenSource(Patience).Token)));
    }

    // .NET unlinks a socket file when the socket that bound it is disposed. A file that outlives
    // its socket, as after a crash, is made by moving it away from the path the socket bound.
    private void LeaveStaleSocket(string path)
    {
        var temporary = _scratch.File("binding.sock");
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(temporary));
            File.Move(temporary, path);
        }

        Assert.True(File.Exists(path));
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _opened.Add(resource);
        return resource;
    }
}
