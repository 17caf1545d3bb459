using System.Collections.Concurrent;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Turns references into their path text and back into <see cref="FakeActorRef"/>s, recording what it saw.</summary>
internal sealed class FakeActorRefCodec : IActorRefCodec
{
    public ConcurrentQueue<string> Written { get; } = new();

    public ConcurrentQueue<string> Read { get; } = new();

    public string ToPath(IActorRef actorRef)
    {
        var path = actorRef.Path.ToStringWithUid();
        Written.Enqueue(path);
        return path;
    }

    public IActorRef FromPath(string path)
    {
        Read.Enqueue(path);
        return new FakeActorRef(ActorPath.Parse(path));
    }
}
