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
/// <param name="resolveParsed">
/// Makes the reference for a parsed path and its UTF-8 bytes (<see cref="RemoteNode.ResolveParsed"/>):
/// another process's temporary paths are then built on their cached parent instead of parsed
/// whole. Null to <paramref name="resolve"/> them like any path.
/// </param>
internal sealed class PathCache(
    Func<string, IActorRef> resolve,
    int capacity = 1024,
    PathCache.TemporaryResolver? resolveTemporary = null,
    Func<ActorPath, byte[], IActorRef>? resolveParsed = null)
{
    /// <summary>Finds the promise a temporary path's UTF-8 bytes name; null when there is none.</summary>
    public delegate IActorRef? TemporaryResolver(ReadOnlySpan<byte> path);

    /// <summary>Longer paths are resolved for every message rather than kept.</summary>
    public const int MaxCachedPathBytes = 1024;

    private static readonly Func<IActorRef, bool> Terminated = ActorSystemSpi.IsTerminated;

    private readonly Utf8KeyedCache<IActorRef> _byPath = new(capacity, MaxCachedPathBytes);

    // The parents (".../temp") of the temporary paths other processes send: few, and lasting.
    private readonly Utf8KeyedCache<ActorPath> _temporaryParents = new(16, MaxCachedPathBytes);

    /// <summary>A working reference for a path read from a frame.</summary>
    /// <exception cref="ProtocolException">The path is not valid UTF-8 or not an actor path.</exception>
    /// <remarks>
    /// Temporary paths (an Ask's promise, <c>/temp/$n</c>) are resolved every time and never kept:
    /// each names one reply, and caching them would only push the lasting paths out.
    /// </remarks>
    public IActorRef Resolve(Utf8Field path) =>
        IsTemporary(path) ? resolveTemporary?.Invoke(path.Bytes) ?? ResolveOtherTemporary(path) : _byPath.GetOrAdd(path, resolve, Terminated);

    /// <summary>
    /// Another process's promise (the sender of an Ask this process answers): one per message, so
    /// the path is its cached parent plus the name, and the reference keeps the bytes it came as,
    /// which the reply is sent to: the whole path is never decoded.
    /// </summary>
    private IActorRef ResolveOtherTemporary(Utf8Field path)
    {
        var bytes = path.Bytes;
        var slash = bytes.LastIndexOf((byte)'/');
        if (resolveParsed is null || slash <= 0 || bytes.IndexOf((byte)'#') >= 0)
        {
            return resolve(path.Decode());
        }

        var parent = _temporaryParents.GetOrAdd(path.Slice(0, slash), RemoteNode.ParsePath);
        var name = path.Slice(slash + 1, bytes.Length - slash - 1).Decode();
        try
        {
            return resolveParsed(parent.Child(name), bytes.ToArray());
        }
        catch (InvalidActorNameException e)
        {
            throw new ProtocolException($"'{path.Decode()}' is not an actor path: {e.Message}");
        }
    }

    /// <summary>True for the path of an Ask's promise (<c>.../temp/$n</c>), which names one reply.</summary>
    public static bool IsTemporary(Utf8Field path) => path.Bytes.IndexOf("/temp/"u8) >= 0;
}
