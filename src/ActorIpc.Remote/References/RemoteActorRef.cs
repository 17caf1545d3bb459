using ActorIpc.Remote.Endpoints;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;

namespace ActorIpc.Remote.References;

/// <summary>
/// A reference to an actor in another process: sends, watches and termination notices go
/// through the association with that process.
/// </summary>
/// <param name="system">The system the reference is used in.</param>
/// <param name="path">The actor's path.</param>
/// <param name="association">The association with the actor's process.</param>
/// <param name="pathUtf8">
/// The path as the peer wrote it in a frame (another process's promise: a reply goes to exactly
/// that), or null to write <paramref name="path"/> with its uid. Not changed afterwards.
/// </param>
internal sealed class RemoteActorRef(ActorSystem system, ActorPath path, Association association, byte[]? pathUtf8 = null) : ExternalActorRef(system, path)
{
    private byte[]? _pathUtf8 = pathUtf8;

    public Association Association { get; } = association;

    /// <summary>The path as it travels in frames, encoded once: each message to the actor copies these bytes.</summary>
    public WirePath WirePath => WirePath.FromUtf8(_pathUtf8 ??= WireText.StrictUtf8.GetBytes(Path.ToStringWithUid()));

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Association.Send(this, message, sender);
    }

    protected override void OnWatch(IActorRef watcher) => Association.Watch(this, watcher);

    protected override void OnUnwatch(IActorRef watcher) => Association.Unwatch(this, watcher);

    protected override void OnWatchedActorTerminated(IActorRef deadActor, bool existenceConfirmed, bool addressTerminated) =>
        Association.SendDeathNotification(this, deadActor, existenceConfirmed);
}
