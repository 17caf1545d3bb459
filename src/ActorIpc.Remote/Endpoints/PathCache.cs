using ActorIpc.Spi;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// The references a connection's frames named lately, by path text, so a busy connection does
/// not parse and look up the same paths for every message. Bounded (cleared when full), used by
/// one reader at a time, and never serves a terminated reference: a path without a uid then
/// resolves again and reaches the actor's next incarnation.
/// </summary>
internal sealed class PathCache(RemoteNode node, int capacity = 1024)
{
    private readonly Dictionary<string, IActorRef> _byPath = new(StringComparer.Ordinal);

    public IActorRef Resolve(string path)
    {
        if (_byPath.TryGetValue(path, out var cached) && !ActorSystemSpi.IsTerminated(cached))
        {
            return cached;
        }

        if (_byPath.Count >= capacity)
        {
            _byPath.Clear();
        }

        var resolved = node.ResolvePath(path);
        _byPath[path] = resolved;
        return resolved;
    }
}
