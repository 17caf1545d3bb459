using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>
/// The contract again for Unix sockets with <c>read-thread = off</c>: .NET's asynchronous
/// sockets, the path every system other than Linux takes.
/// </summary>
public sealed class UnixSocketAsyncTransportContractTests : UnixSocketTransportContractTests
{
    internal override ConnectionSettings Connection
    {
        get
        {
            Assert.False(SocketConnection.UsesOwnThread(TransportTestSettings.AsynchronousConnection));
            return TransportTestSettings.AsynchronousConnection;
        }
    }
}
