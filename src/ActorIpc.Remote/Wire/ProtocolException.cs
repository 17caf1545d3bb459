namespace ActorIpc.Remote.Wire;

/// <summary>
/// The bytes a peer sent break the wire protocol: a bad length, an unknown frame type, a
/// truncated or over-long field, invalid UTF-8. The connection that carried them is closed;
/// nothing else is affected.
/// </summary>
internal sealed class ProtocolException : ActorIpcException
{
    /// <summary>Creates the exception with a reason that names the frame, field and offset involved.</summary>
    public ProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and the failure that revealed it.</summary>
    public ProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
