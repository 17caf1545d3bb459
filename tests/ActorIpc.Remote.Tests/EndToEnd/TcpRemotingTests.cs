namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>Remoting over plain TCP on the loopback interface.</summary>
public sealed class TcpRemotingTests : NetworkRemotingTests
{
    protected override string Scheme => "actoripc.tcp";

    protected override string TransportConfig => """
        actoripc.remote.transports = [ tcp ]
        actoripc.remote.tcp { hostname = "127.0.0.1", port = 0 }
        """;
}
