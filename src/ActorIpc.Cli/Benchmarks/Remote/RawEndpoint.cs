using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Where the raw echo server listens, printed in its READY line as <c>unix:/path/to.sock</c>
/// or <c>tcp:127.0.0.1:PORT</c>.
/// </summary>
internal sealed record RawEndpoint(BenchTransport Transport, string Path, int Port)
{
    private const string UnixScheme = "unix:";

    private const string TcpScheme = "tcp:127.0.0.1:";

    public static RawEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(UnixScheme, StringComparison.Ordinal))
        {
            return new RawEndpoint(BenchTransport.Unix, text[UnixScheme.Length..], 0);
        }

        if (text.StartsWith(TcpScheme, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(TcpScheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return new RawEndpoint(BenchTransport.Tcp, string.Empty, port);
        }

        throw new FormatException($"'{text}' is not a raw endpoint (unix:PATH or {TcpScheme}PORT)");
    }

    public EndPoint EndPoint => Transport == BenchTransport.Unix
        ? new UnixDomainSocketEndPoint(Path)
        : new IPEndPoint(IPAddress.Loopback, Port);

    /// <summary>A stream socket of this endpoint's family, with Nagle off for TCP as ActorIpc's TCP transport has it.</summary>
    public static Socket CreateSocket(BenchTransport transport)
    {
        if (transport == BenchTransport.Unix)
        {
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }

        return new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    public Socket Connect()
    {
        var socket = CreateSocket(Transport);
        try
        {
            socket.Connect(EndPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override string ToString() => Transport == BenchTransport.Unix
        ? UnixScheme + Path
        : TcpScheme + Port.ToString(CultureInfo.InvariantCulture);
}
