using ActorIpc.Remote.Wire;
using ActorIpc.Spi;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// The references a connection's frames named lately, by the path's UTF-8 bytes, so a busy
/// connection does not decode, parse and look up the same paths for every message. Bounded
/// (cleared when full), used by one reader at a time, and never serves a terminated reference:
/// a path without a uid then resolves again and reaches the actor's next incarnation.
/// </summary>
/// <param name="resolve">Resolves a path's text on a miss (<see cref="RemoteNode.ResolvePath"/>).</param>
/// <param name="capacity">How many paths it holds before it is cleared.</param>
/// <param name="resolveTemporary">Finds a promise by a temporary path's bytes (<see cref="RemoteNode.ResolveTemporary"/>), or null to decode and <paramref name="resolve"/> it.</param>
/// <param name="resolvePromise">
/// Makes the reference for another process's promise, <c>.../temp/$n</c>, from its cached parent
/// and its number (<see cref="RemoteNode.ResolvePromise"/>): the path is then neither parsed nor
/// copied. Null to <paramref name="resolve"/> such paths like any path.
/// </param>
internal sealed class PathCache(
    Func<string, IActorRef> resolve,
    int capacity = 1024,
    PathCache.TemporaryResolver? resolveTemporary = null,
    Func<PromiseParent, long, IActorRef>? resolvePromise = null)
{
    /// <summary>Finds the promise a temporary path's UTF-8 bytes name; null when there is none.</summary>
    public delegate IActorRef? TemporaryResolver(ReadOnlySpan<byte> path);

    /// <summary>Longer paths are resolved for every message rather than kept.</summary>
    public const int MaxCachedPathBytes = 1024;

    // A lambda rather than the method group: a delegate to a static method is called through a
    // shuffle thunk, which showed on the hot path of every message.
    private static readonly Func<IActorRef, bool> Terminated = actor => ActorSystemSpi.IsTerminated(actor);

    private readonly Utf8KeyedCache<IActorRef> _byPath = new(capacity, MaxCachedPathBytes);

    // The parents (".../temp") of the promises other processes send: few, and lasting.
    private readonly Utf8KeyedCache<PromiseParent> _promiseParents = new(16, MaxCachedPathBytes);

    /// <summary>A working reference for a path read from a frame.</summary>
    /// <exception cref="ProtocolException">The path is not valid UTF-8 or not an actor path.</exception>
    /// <remarks>
    /// Temporary paths (an Ask's promise, <c>/temp/$n</c>) are resolved every time and never kept:
    /// each names one reply, and caching them would only push the lasting paths out.
    /// </remarks>
    public IActorRef Resolve(Utf8Field path)
    {
        // The paths found last come first, before the search for "/temp/": promises are never
        // kept, so a hit there is a lasting path, and the usual frame (the recipient of the frame
        // before) costs one comparison.
        if (_byPath.TryGetRecent(path.Bytes, Terminated, out var recent))
        {
            return recent;
        }

        return IsTemporary(path) ? resolveTemporary?.Invoke(path.Bytes) ?? ResolveOtherTemporary(path) : _byPath.GetOrAdd(path, resolve, Terminated);
    }

    /// <summary>
    /// Another process's promise (the sender of an Ask this process answers): one per message, so
    /// it is made of its parent, read once per peer, and its number, without a copy of its path.
    /// Any other temporary path (a uid, a name that is not <c>$n</c>) is resolved whole.
    /// </summary>
    private IActorRef ResolveOtherTemporary(Utf8Field path)
    {
        var bytes = path.Bytes;
        var slash = bytes.LastIndexOf((byte)'/');
        if (resolvePromise is null || slash <= 0 || !ActorSystemSpi.TryParseTemporaryName(bytes[(slash + 1)..], out var number))
        {
            return resolve(path.Decode());
        }

        return resolvePromise(_promiseParents.GetOrAdd(path.Slice(0, slash), PromiseParent.Parse), number);
    }

    /// <summary>True for the path of an Ask's promise (<c>.../temp/$n</c>), which names one reply.</summary>
    public static bool IsTemporary(Utf8Field path) => path.Bytes.IndexOf("/temp/"u8) >= 0;
}
