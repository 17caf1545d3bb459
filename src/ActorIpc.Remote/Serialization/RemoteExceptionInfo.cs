namespace ActorIpc.Remote.Serialization;

/// <summary>One level of a remote exception as read from the wire, before it is rebuilt.</summary>
internal sealed record RemoteExceptionInfo(
    string TypeName,
    string Message,
    string? StackTrace,
    int HResult,
    IReadOnlyList<KeyValuePair<string, object?>> Data);
