using ActorIpc.Remote.Endpoints;
using ActorIpc.Spi;

namespace ActorIpc.Remote.References;

/// <summary>
/// A reference to an actor in another process: sends, watches and termination notices go
/// through the association with that process.
/// </summary>
internal sealed class RemoteActorRef(ActorSystem system, ActorPath path, Association association, string? pathText = null) : ExternalActorRef(system, path)
{
    private string? _pathText = pathText;

    public Association Association { get; } = association;

    /// <summary>The path as it travels in frames (with the uid), computed once.</summary>
    public string PathText => _pathText ??= Path.ToStringWithUid();

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
