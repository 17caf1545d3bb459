using ActorIpc.Hocon;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>The settings parsers, over the HOCON block proposed for the reference configuration.</summary>
public sealed class TransportSettingsTests
{
    private const string Reference = """
        actoripc.remote {
          unix {
            directory = ""
            connect-timeout = 5s
            close-timeout = 2s
            socket-send-buffer-size = 0
            socket-receive-buffer-size = 0
            max-unsent-bytes = 1MiB
            max-unread-bytes = 1MiB
            backlog = 512
            read-thread = on
            read-thread-runs-actors = on
            read-thread-spin = 100us
          }
          tcp {
            connect-timeout = 5s
            close-timeout = 2s
            socket-send-buffer-size = 0
            socket-receive-buffer-size = 0
            max-unsent-bytes = 1MiB
            max-unread-bytes = 1MiB
            backlog = 512
            read-thread = on
            read-thread-runs-actors = on
            read-thread-spin = 100us
          }
          tls {
            certificate {
              pfx-path = ""
              pem-path = ""
              key-path = ""
              password = ""
            }
            trust {
              ca-certificate-path = ""
              thumbprints = []
              check-host-name = off
            }
            require-client-certificate = off
            handshake-timeout = 10s
          }
        }
        """;

    [Fact]
    public void FromConfig_ReferenceBlock_ReadsEveryValue()
    {
        var config = ConfigFactory.ParseString(Reference);

        var unix = UnixTransportSettings.FromConfig(config);
        var tcp = TcpTransportSettings.FromConfig(config);
        var tls = TlsTransportSettings.FromConfig(config);

        Assert.Null(unix.Directory);
        Assert.Equal(new ConnectionSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 0, 0, 1 << 20, 1 << 20, 512, ReadThread: true, ReadThreadRunsActors: true, ReadThreadSpin: TimeSpan.FromMicroseconds(100)), unix.Connection);
        Assert.Equal(unix.Connection, tcp.Connection);
        Assert.False(tls.Certificate.IsConfigured);
        Assert.Null(tls.CaCertificatePath);
        Assert.Empty(tls.Thumbprints);
        Assert.False(tls.CheckHostName);
        Assert.False(tls.RequireClientCertificate);
        Assert.Equal(TimeSpan.FromSeconds(10), tls.HandshakeTimeout);
    }

    [Fact]
    public void FromConfig_TlsOverrides_ReadAndNormalized()
    {
        var config = OverReference("""
            actoripc.remote.tls {
              certificate { pem-path = "/etc/actoripc/node.pem", key-path = "/etc/actoripc/node.key" }
              trust { ca-certificate-path = "/etc/actoripc/ca.pem", thumbprints = ["ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01"], check-host-name = on }
              require-client-certificate = on
            }
            """);

        var tls = TlsTransportSettings.FromConfig(config);

        Assert.Equal("/etc/actoripc/node.pem", tls.Certificate.PemCertificatePath);
        Assert.Equal("/etc/actoripc/node.key", tls.Certificate.PemKeyPath);
        Assert.Equal("/etc/actoripc/ca.pem", tls.CaCertificatePath);
        Assert.Equal(["ABCDEF0123456789ABCDEF0123456789ABCDEF01"], tls.Thumbprints);
        Assert.True(tls.CheckHostName);
        Assert.True(tls.RequireClientCertificate);
    }

    [Fact]
    public void ReadThread_Off_ConnectionsUseAsynchronousSockets()
    {
        var config = OverReference("actoripc.remote.tcp.read-thread = off");

        var tcp = TcpTransportSettings.FromConfig(config).Connection;
        var unix = UnixTransportSettings.FromConfig(config).Connection;

        Assert.False(tcp.ReadThread);
        Assert.False(SocketConnection.UsesOwnThread(tcp));
        Assert.True(unix.ReadThread);
        Assert.Equal(OperatingSystem.IsLinux(), SocketConnection.UsesOwnThread(unix));
    }

    [Theory]
    [InlineData("4KiB", 4096)]
    [InlineData("256KiB", 262144)]
    [InlineData("64MiB", 67108864)]
    public void MaxUnreadBytes_IsTheSizeOfOneRead(string setting, int bytes)
    {
        var config = OverReference($"actoripc.remote.unix.max-unread-bytes = {setting}");

        var settings = UnixTransportSettings.FromConfig(config).Connection;

        Assert.Equal(bytes, settings.MaxUnreadBytes);
        Assert.Equal(bytes, settings.InputReaderOptions().BufferSize);
        Assert.Equal(bytes, settings.InputPipeOptions().MinimumSegmentSize);
        Assert.Equal(bytes, settings.InputPipeOptions().PauseWriterThreshold);
    }

    [Theory]
    [InlineData("max-unread-bytes", "4095", "expected a size from 4 KiB to 64 MiB, got 4095")]
    [InlineData("max-unread-bytes", "65MiB", "expected a size from 4 KiB to 64 MiB, got 68157440")]
    [InlineData("read-thread-spin", "-1us", "expected a duration from 0 to 10ms, got -1us")]
    [InlineData("read-thread-spin", "11ms", "expected a duration from 0 to 10ms, got 11ms")]
    public void Setting_OutOfRange_IsRefusedWithTheRange(string key, string setting, string reason)
    {
        var config = OverReference($"actoripc.remote.unix.{key} = {setting}");

        var failure = Assert.Throws<HoconException>(() => UnixTransportSettings.FromConfig(config));

        Assert.Equal("actoripc.remote.unix." + key, failure.Path);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("250us", 250)]
    [InlineData("10ms", 10_000)]
    public void ReadThreadSpin_ZeroToTenMilliseconds(string setting, int micros)
    {
        var config = OverReference($"actoripc.remote.tcp.read-thread-spin = {setting}");

        Assert.Equal(TimeSpan.FromMicroseconds(micros), TcpTransportSettings.FromConfig(config).Connection.ReadThreadSpin);
    }

    [Theory]
    [InlineData("actoripc.remote.tcp.connect-timeout = 0s", "actoripc.remote.tcp.connect-timeout")]
    [InlineData("actoripc.remote.tcp.max-unread-bytes = 100", "actoripc.remote.tcp.max-unread-bytes")]
    [InlineData("actoripc.remote.tcp.backlog = 0", "actoripc.remote.tcp.backlog")]
    [InlineData("actoripc.remote.unix.directory = \"relative/dir\"", "actoripc.remote.unix.directory")]
    [InlineData("actoripc.remote.tls.trust.thumbprints = [\"xyz\"]", "actoripc.remote.tls.trust.thumbprints")]
    [InlineData("actoripc.remote.tls.certificate { pfx-path = a.pfx, pem-path = a.pem }", "actoripc.remote.tls.certificate.pem-path")]
    [InlineData("actoripc.remote.tls.certificate.key-path = a.key", "actoripc.remote.tls.certificate.key-path")]
    public void FromConfig_BadValue_ErrorNamesThePath(string setting, string path)
    {
        var config = OverReference(setting);

        var failure = Assert.Throws<HoconException>(() =>
        {
            UnixTransportSettings.FromConfig(config);
            TcpTransportSettings.FromConfig(config);
            TlsTransportSettings.FromConfig(config);
        });

        Assert.Equal(path, failure.Path);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
    }

    // The settings in hocon over the reference configuration of the transports.
    private static Config OverReference(string hocon) => ConfigFactory.ParseString(hocon).WithFallback(ConfigFactory.ParseString(Reference));
}
