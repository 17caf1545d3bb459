namespace ActorIpc.Remote.Endpoints;

/// <summary>The kinds of <see cref="RemoteSystemMessage"/>.</summary>
internal enum RemoteSystemMessageKind
{
    Watch,
    Unwatch,
    Terminated,
}
