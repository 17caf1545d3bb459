using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Transport;

/// <summary>The transports' log messages.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "TLS handshake with {Peer} on {Endpoint} failed, connection closed: {Reason}")]
    public static partial void TlsHandshakeFailed(ILogger logger, string peer, string endpoint, string reason, Exception? exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Accepting a connection on {Endpoint} failed; retrying shortly")]
    public static partial void AcceptFailed(ILogger logger, string endpoint, Exception exception);
}
