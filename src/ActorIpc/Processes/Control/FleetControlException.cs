namespace ActorIpc;

/// <summary>
/// A request over a fleet's control socket failed: the socket could not be reached or served,
/// the other end does not speak this version of the protocol, or the fleet refused or failed the
/// request (an unknown process, a replica that failed to restart, a call that failed). The message
/// says which, as the fleet said it.
/// </summary>
public class FleetControlException : ActorIpcException
{
    internal FleetControlException(string socketPath, string message, Exception? innerException = null)
        : this(socketPath, ControlProtocol.Errors.Failed, message, innerException)
    {
    }

    internal FleetControlException(string socketPath, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SocketPath = socketPath;
        Code = code;
    }

    /// <summary>The control socket (or its directory) concerned.</summary>
    public string SocketPath { get; }

    /// <summary>The protocol's error code (<see cref="ControlProtocol.Errors"/>), as an error frame carries it.</summary>
    internal string Code { get; }
}
