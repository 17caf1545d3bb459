namespace ActorIpc.Remote.Wire;

/// <summary>
/// A frame this node was asked to write would exceed the maximum frame size, so the peer
/// would refuse it. Nothing of the frame is left in the output; the caller reports the
/// message as undeliverable and the connection goes on.
/// </summary>
internal sealed class FrameTooLargeException : ActorIpcException
{
    /// <summary>Creates the exception for a frame of <paramref name="frameLength"/> bytes.</summary>
    public FrameTooLargeException(FrameType frameType, long frameLength, int maxFrameSize)
        : base($"{frameType} frame of {WireProtocol.FormatSize(frameLength)} exceeds the maximum of {WireProtocol.FormatSize(maxFrameSize)}")
    {
        FrameType = frameType;
        FrameLength = frameLength;
        MaxFrameSize = maxFrameSize;
    }

    /// <summary>The type of the frame that was refused.</summary>
    public FrameType FrameType { get; }

    /// <summary>The frame's length (type byte and body) that was refused.</summary>
    public long FrameLength { get; }

    /// <summary>The configured maximum.</summary>
    public int MaxFrameSize { get; }
}
