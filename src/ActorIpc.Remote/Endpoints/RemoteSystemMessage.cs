namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// A watch, unwatch or termination notice between two processes, sent reliably (numbered,
/// acknowledged, resent after a reconnect to the same incarnation).
/// </summary>
/// <param name="Kind">What it says.</param>
/// <param name="Recipient">The path at the receiving side: the watched actor (watch, unwatch) or the watcher (death notice).</param>
/// <param name="Sender">The path at the sending side: the watcher (watch, unwatch) or the actor that died (death notice).</param>
/// <param name="ExistenceConfirmed">For a death notice: whether the actor was known to exist.</param>
internal sealed record RemoteSystemMessage(RemoteSystemMessageKind Kind, string Recipient, string Sender, bool ExistenceConfirmed)
{
    /// <summary>The manifest the kind travels as in a SystemMessage frame.</summary>
    public string Manifest => Kind switch
    {
        RemoteSystemMessageKind.Watch => "watch",
        RemoteSystemMessageKind.Unwatch => "unwatch",
        _ => "terminated",
    };

    public static bool TryParseKind(string manifest, out RemoteSystemMessageKind kind)
    {
        (var known, kind) = manifest switch
        {
            "watch" => (true, RemoteSystemMessageKind.Watch),
            "unwatch" => (true, RemoteSystemMessageKind.Unwatch),
            "terminated" => (true, RemoteSystemMessageKind.Terminated),
            _ => (false, default),
        };
        return known;
    }
}
