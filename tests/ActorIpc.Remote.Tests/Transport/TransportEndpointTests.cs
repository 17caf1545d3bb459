using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

public sealed class TransportEndpointTests
{
    private const string RuntimeDirectory = "/run/user/1000/actoripc";

    [Fact]
    public void ToAddress_SocketInRuntimeDirectory_HostIsItsName()
    {
        var endpoint = TransportEndpoint.UnixNamed(RuntimeDirectory, "worker-4711");

        var address = endpoint.ToAddress("app", RuntimeDirectory);

        Assert.Equal(new Address("actoripc.unix", "app", "worker-4711"), address);
        Assert.Equal("actoripc.unix://app@worker-4711", address.ToString());
        Assert.Equal(endpoint, TransportEndpoint.FromAddress(address, RuntimeDirectory));
        Assert.Equal("/run/user/1000/actoripc/worker-4711.sock", endpoint.SocketPath);
    }

    [Fact]
    public void ToAddress_SocketElsewhere_HostIsPercentEncodedPath()
    {
        var endpoint = TransportEndpoint.Unix("/var/run/app.sock");

        var address = endpoint.ToAddress("app", RuntimeDirectory);

        Assert.Equal("%2Fvar%2Frun%2Fapp.sock", address.Host);
        Assert.Null(address.Port);
        Assert.Equal(endpoint, TransportEndpoint.FromAddress(address, RuntimeDirectory));
    }

    [Fact]
    public void ToAddress_SocketInRuntimeDirectoryWithUnusualName_FallsBackToEncodedPath()
    {
        var endpoint = TransportEndpoint.Unix(RuntimeDirectory + "/odd name.sock");

        var address = endpoint.ToAddress("app", RuntimeDirectory);

        Assert.StartsWith("%2F", address.Host, StringComparison.Ordinal);
        Assert.Equal(endpoint, TransportEndpoint.FromAddress(address, RuntimeDirectory));
    }

    [Theory]
    [InlineData("actoripc.tcp", "127.0.0.1", 5123, "tcp:127.0.0.1:5123")]
    [InlineData("actoripc.tls", "node-a.example", 443, "tls:node-a.example:443")]
    [InlineData("actoripc.tcp", "::1", 7000, "tcp:[::1]:7000")]
    public void FromAddress_Tcp_RoundTripsThroughAddressAndText(string protocol, string host, int port, string text)
    {
        var address = new Address(protocol, "app", host, port);

        var endpoint = TransportEndpoint.FromAddress(address, RuntimeDirectory);

        Assert.Equal(protocol, endpoint.Scheme);
        Assert.Equal(address, endpoint.ToAddress("app", RuntimeDirectory));
        Assert.Equal(text, endpoint.ToString());
        Assert.Equal(endpoint, TransportEndpoint.Parse(text));
    }

    [Fact]
    public void Parse_UnixText_RoundTrips()
    {
        var endpoint = TransportEndpoint.Parse("unix:/run/user/1000/actoripc/worker.sock");

        Assert.True(endpoint.IsUnix);
        Assert.Equal("unix:/run/user/1000/actoripc/worker.sock", endpoint.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("unix:relative.sock")]
    [InlineData("tcp:host")]
    [InlineData("tcp::80")]
    [InlineData("tcp:host:70000")]
    [InlineData("tcp:::1:80")]
    [InlineData("http://host:80")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(TransportEndpoint.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TransportEndpoint.Parse(text));
    }

    [Fact]
    public void FromAddress_LocalOnlyOrUnknownProtocolOrMissingPort_ThrowsNamingTheAddress()
    {
        Assert.Contains("has no host", Assert.Throws<ArgumentException>(() => TransportEndpoint.FromAddress(Address.Local("app"), RuntimeDirectory)).Message, StringComparison.Ordinal);
        Assert.Contains("\"http\"", Assert.Throws<ArgumentException>(() => TransportEndpoint.FromAddress(new Address("http", "app", "h", 1), RuntimeDirectory)).Message, StringComparison.Ordinal);
        Assert.Contains("no port", Assert.Throws<ArgumentException>(() => TransportEndpoint.FromAddress(new Address("actoripc.tcp", "app", "h"), RuntimeDirectory)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TransportEndpoint.FromAddress(new Address("actoripc.unix", "app", "../escape"), RuntimeDirectory));
        Assert.Throws<ArgumentException>(() => TransportEndpoint.FromAddress(new Address("actoripc.unix", "app", "relative%2Fpath"), RuntimeDirectory));
    }

    [Fact]
    public void Unix_PathTooLongForTheKernel_ThrowsSayingTheLimit()
    {
        var path = "/tmp/" + new string('s', 200) + ".sock";

        var failure = Assert.Throws<ArgumentException>(() => TransportEndpoint.Unix(path));

        Assert.Contains("at most", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker", true)]
    [InlineData("worker-4711", true)]
    [InlineData("a.b_c", true)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void IsValidSocketName_Cases(string name, bool valid) => Assert.Equal(valid, TransportEndpoint.IsValidSocketName(name));

    [Fact]
    public void WithPort_Tcp_KeepsSchemeAndHost()
    {
        Assert.Equal(TransportEndpoint.Tls("localhost", 4242), TransportEndpoint.Tls("localhost", 0).WithPort(4242));
    }
}
