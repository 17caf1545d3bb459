using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// The parent of another process's promises, <c>.../temp</c>: its path, and the bytes each of
/// their paths starts with (<c>.../temp/$</c>), followed by the promise's number in decimal.
/// </summary>
internal sealed class PromiseParent
{
    private PromiseParent(ActorPath path, byte[] prefixUtf8)
    {
        Path = path;
        PrefixUtf8 = prefixUtf8;
    }

    public ActorPath Path { get; }

    /// <summary>The parent's path in UTF-8 and <c>/$</c>: a promise's path without its number.</summary>
    public byte[] PrefixUtf8 { get; }

    /// <summary>The association with the parent's process, kept here by the node on first use (it is the same for the node's life).</summary>
    public Association? Association { get; set; }

    /// <summary>The parent at <paramref name="path"/>, as read from a frame.</summary>
    /// <exception cref="ProtocolException">The text is not an actor path.</exception>
    public static PromiseParent Parse(string path) =>
        new(RemoteNode.ParsePath(path), WireText.StrictUtf8.GetBytes(path + "/$"));
}
