using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Endpoints;

/// <summary>References inside messages travel as paths: this node's actors under its address, others as they are.</summary>
internal sealed class RemoteRefCodec(RemoteNode node) : IActorRefCodec
{
    public string ToPath(IActorRef actorRef)
    {
        ArgumentNullException.ThrowIfNull(actorRef);
        return node.ExportPath(actorRef);
    }

    public IActorRef FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return node.ResolvePath(path);
    }
}
