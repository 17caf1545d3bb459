using System.Globalization;
using System.Text;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// What a transport listens on or dials: a Unix socket file, or a TCP host and port (plain or TLS).
/// Converts to and from the <see cref="Address.Host"/>/<see cref="Address.Port"/> of an address:
/// for a Unix socket the host is the socket's name inside the runtime directory (<c>worker-4711</c>
/// for <c>&lt;runtime dir&gt;/worker-4711.sock</c>) or, for a socket elsewhere, its absolute path
/// percent-encoded (<c>%2Fvar%2Frun%2Fapp.sock</c>).
/// </summary>
internal sealed record TransportEndpoint
{
    /// <summary>The address protocol of Unix domain socket endpoints.</summary>
    public const string UnixScheme = "actoripc.unix";

    /// <summary>The address protocol of plain TCP endpoints.</summary>
    public const string TcpScheme = "actoripc.tcp";

    /// <summary>The address protocol of TLS-over-TCP endpoints.</summary>
    public const string TlsScheme = "actoripc.tls";

    /// <summary>The file name suffix of named sockets in the runtime directory.</summary>
    public const string SocketFileSuffix = ".sock";

    private TransportEndpoint(string scheme, string? socketPath, string? host, int port)
    {
        Scheme = scheme;
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    /// <summary><see cref="UnixScheme"/>, <see cref="TcpScheme"/> or <see cref="TlsScheme"/>.</summary>
    public string Scheme { get; }

    /// <summary>The absolute path of the socket file of a Unix endpoint; <see langword="null"/> for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The host name or IP address of a TCP endpoint; <see langword="null"/> for Unix.</summary>
    public string? Host { get; }

    /// <summary>The TCP port (0: any free port, when listening); 0 for Unix.</summary>
    public int Port { get; }

    /// <summary>True for a Unix domain socket endpoint.</summary>
    public bool IsUnix => SocketPath is not null;

    /// <summary>
    /// The longest socket path the kernel accepts, in UTF-8 bytes: <c>sun_path</c> holds 108 bytes
    /// on Linux and 104 elsewhere, including the terminating NUL.
    /// </summary>
    internal static int MaxSocketPathBytes => OperatingSystem.IsLinux() ? 107 : 103;

    /// <summary>A Unix domain socket endpoint.</summary>
    /// <param name="socketPath">The absolute path of the socket file.</param>
    /// <exception cref="ArgumentException">The path is not absolute or is too long for a socket address.</exception>
    public static TransportEndpoint Unix(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        if (!Path.IsPathFullyQualified(socketPath))
        {
            throw new ArgumentException($"A Unix socket path must be absolute; got \"{socketPath}\".", nameof(socketPath));
        }

        var full = Path.GetFullPath(socketPath);
        var bytes = Encoding.UTF8.GetByteCount(full);
        if (bytes > MaxSocketPathBytes)
        {
            throw new ArgumentException(
                $"The Unix socket path \"{full}\" is {bytes} bytes long; the operating system allows at most {MaxSocketPathBytes}. Use a shorter directory or name.",
                nameof(socketPath));
        }

        return new TransportEndpoint(UnixScheme, full, null, 0);
    }

    /// <summary>The Unix socket named <paramref name="name"/> inside <paramref name="runtimeDirectory"/>.</summary>
    /// <param name="runtimeDirectory">The socket directory (see <see cref="UnixRuntimeDirectory"/>).</param>
    /// <param name="name">Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, not starting with <c>.</c>.</param>
    /// <exception cref="ArgumentException">The name is not valid or the path is too long.</exception>
    public static TransportEndpoint UnixNamed(string runtimeDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeDirectory);
        if (!IsValidSocketName(name))
        {
            throw new ArgumentException(
                $"\"{name}\" is not a valid socket name: use letters, digits, '-', '_' and '.', not starting with '.'.", nameof(name));
        }

        return Unix(Path.Combine(runtimeDirectory, name + SocketFileSuffix));
    }

    /// <summary>A plain TCP endpoint.</summary>
    /// <param name="host">A host name or IP address.</param>
    /// <param name="port">0 to 65535; 0 picks a free port when listening.</param>
    public static TransportEndpoint Tcp(string host, int port) => Network(TcpScheme, host, port);

    /// <summary>A TLS-over-TCP endpoint.</summary>
    /// <param name="host">A host name or IP address.</param>
    /// <param name="port">0 to 65535; 0 picks a free port when listening.</param>
    public static TransportEndpoint Tls(string host, int port) => Network(TlsScheme, host, port);

    /// <summary>The endpoint an address points at.</summary>
    /// <param name="address">A remote address with a host (and, for TCP, a port).</param>
    /// <param name="runtimeDirectory">Where named Unix sockets live.</param>
    /// <exception cref="ArgumentException">The address is local-only, has an unknown protocol, or its host or port is not valid for it.</exception>
    public static TransportEndpoint FromAddress(Address address, string runtimeDirectory)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Host is not { Length: > 0 } host)
        {
            throw new ArgumentException($"The address {address} has no host, so no transport can reach it.", nameof(address));
        }

        switch (address.Protocol)
        {
            case UnixScheme:
                if (host.StartsWith('/') || host.Contains('%', StringComparison.Ordinal))
                {
                    var path = Uri.UnescapeDataString(host);
                    return Path.IsPathFullyQualified(path)
                        ? Unix(path)
                        : throw new ArgumentException($"The address {address} names the socket path \"{path}\", which is not absolute.", nameof(address));
                }

                return UnixNamed(runtimeDirectory, host);
            case TcpScheme or TlsScheme:
                return address.Port is { } port
                    ? Network(address.Protocol, host, port)
                    : throw new ArgumentException($"The address {address} has no port.", nameof(address));
            default:
                throw new ArgumentException(
                    $"The address {address} has the protocol \"{address.Protocol}\"; expected {UnixScheme}, {TcpScheme} or {TlsScheme}.", nameof(address));
        }
    }

    /// <summary>
    /// Parses the form <see cref="ToString"/> prints: <c>unix:/abs/path.sock</c>, <c>tcp:host:port</c>
    /// or <c>tls:host:port</c> (an IPv6 host in brackets).
    /// </summary>
    /// <exception cref="FormatException">The text is not in one of those forms.</exception>
    public static TransportEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var endpoint)
            ? endpoint
            : throw new FormatException($"\"{text}\" is not a transport endpoint: expected unix:/path, tcp:host:port or tls:host:port.");
    }

    /// <summary>Parses the form <see cref="ToString"/> prints; false if <paramref name="text"/> is not in it.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TransportEndpoint? endpoint)
    {
        endpoint = null;
        if (text is null)
        {
            return false;
        }

        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = text[5..];
            if (!Path.IsPathFullyQualified(path) || Encoding.UTF8.GetByteCount(path) > MaxSocketPathBytes)
            {
                return false;
            }

            endpoint = Unix(path);
            return true;
        }

        string scheme;
        if (text.StartsWith("tcp:", StringComparison.Ordinal))
        {
            scheme = TcpScheme;
        }
        else if (text.StartsWith("tls:", StringComparison.Ordinal))
        {
            scheme = TlsScheme;
        }
        else
        {
            return false;
        }

        var rest = text.AsSpan(4);
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > ushort.MaxValue)
        {
            return false;
        }

        var host = rest[..colon];
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            // An IPv6 host must be bracketed, or the port would be ambiguous.
            return false;
        }

        endpoint = new TransportEndpoint(scheme, null, host.ToString(), port);
        return true;
    }

    /// <summary>True if <paramref name="name"/> can name a socket in the runtime directory and appear as an address host.</summary>
    public static bool IsValidSocketName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] == '.')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The address of the actor system <paramref name="system"/> reachable at this endpoint: a
    /// socket in <paramref name="runtimeDirectory"/> goes by its name, any other by its
    /// percent-encoded path.
    /// </summary>
    public Address ToAddress(string system, string runtimeDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(system);
        if (SocketPath is null)
        {
            return new Address(Scheme, system, Host, Port);
        }

        var directory = Path.GetDirectoryName(SocketPath);
        var file = Path.GetFileName(SocketPath);
        if (directory is not null
            && string.Equals(Path.TrimEndingDirectorySeparator(directory), Path.TrimEndingDirectorySeparator(runtimeDirectory), StringComparison.Ordinal)
            && file.EndsWith(SocketFileSuffix, StringComparison.Ordinal)
            && IsValidSocketName(file[..^SocketFileSuffix.Length]))
        {
            return new Address(Scheme, system, file[..^SocketFileSuffix.Length]);
        }

        return new Address(Scheme, system, Uri.EscapeDataString(SocketPath));
    }

    /// <summary>This endpoint with another port (the one actually bound when 0 was asked for).</summary>
    public TransportEndpoint WithPort(int port) =>
        SocketPath is null ? Network(Scheme, Host!, port) : throw new InvalidOperationException($"The Unix endpoint {this} has no port.");

    /// <summary><c>unix:/path</c>, <c>tcp:host:port</c> or <c>tls:host:port</c>, as used in logs.</summary>
    public override string ToString()
    {
        if (SocketPath is not null)
        {
            return "unix:" + SocketPath;
        }

        var prefix = Scheme == TlsScheme ? "tls:" : "tcp:";
        var host = Host!.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{host}:{Port}");
    }

    private static TransportEndpoint Network(string scheme, string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        return new TransportEndpoint(scheme, null, host, port);
    }
}
