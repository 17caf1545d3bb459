using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>
/// Settings for tests: the reference values, with short timeouts so failures show quickly, and
/// the smallest reads, so that every test's frames also span several reads.
/// </summary>
internal static class TransportTestSettings
{
    public static ConnectionSettings Connection { get; } = new(
        ConnectTimeout: TimeSpan.FromSeconds(5),
        CloseTimeout: TimeSpan.FromSeconds(2),
        SocketSendBufferSize: 0,
        SocketReceiveBufferSize: 0,
        MaxUnsentBytes: 1024 * 1024,
        MaxUnreadBytes: ConnectionSettings.MinReadSize,
        Backlog: 128,
        ReadThreadSpin: TimeSpan.FromMicroseconds(100));

    /// <summary><see cref="Connection"/> with <c>read-thread = off</c>: .NET's asynchronous sockets.</summary>
    public static ConnectionSettings AsynchronousConnection { get; } = Connection with { ReadThread = false };

    public static TcpTransportSettings Tcp { get; } = new(Connection);

    public static UnixTransportSettings Unix(string directory) => new(directory, Connection);

    public static TlsCertificateSettings NoCertificate { get; } = new(null, null, null, null, "test.certificate");

    public static TlsCertificateSettings Pfx(string path, string? password) => new(path, null, null, password, "test.certificate");

    public static TlsTransportSettings Tls(
        TlsCertificateSettings certificate,
        string? caPath,
        IReadOnlyList<string>? thumbprints = null,
        bool requireClientCertificate = false,
        bool checkHostName = true,
        TimeSpan? handshakeTimeout = null) =>
        new(certificate, caPath, thumbprints ?? [], checkHostName, requireClientCertificate, handshakeTimeout ?? TimeSpan.FromSeconds(5));
}
