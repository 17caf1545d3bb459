using ActorIpc.Remote.Endpoints;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;

namespace ActorIpc.Remote.References;

/// <summary>
/// A reference to an actor in another process: sends, watches and termination notices go
/// through the association with that process.
/// </summary>
internal sealed class RemoteActorRef : ExternalActorRef
{
    // Another process's promise: its parent and number, of which the path is made on first use.
    private readonly PromiseParent? _promiseParent;
    private readonly long _promiseNumber;

    private byte[]? _pathUtf8;

    /// <summary>A reference to the actor at <paramref name="path"/>.</summary>
    /// <param name="system">The system the reference is used in.</param>
    /// <param name="path">The actor's path.</param>
    /// <param name="association">The association with the actor's process.</param>
    public RemoteActorRef(ActorSystem system, ActorPath path, Association association)
        : base(system, path)
    {
        Association = association;
    }

    /// <summary>
    /// Another process's promise, <c>.../temp/$n</c> (the sender of an Ask this process answers):
    /// a reply is written as the parent's prefix and the number the peer wrote, and the path is
    /// made only if someone asks for it.
    /// </summary>
    /// <param name="system">The system the reference is used in.</param>
    /// <param name="association">The association with the promise's process.</param>
    /// <param name="parent">The promise's parent, <c>.../temp</c>.</param>
    /// <param name="number">The promise's number, as its name (<c>$n</c>) gives it.</param>
    public RemoteActorRef(ActorSystem system, Association association, PromiseParent parent, long number)
        : base(system)
    {
        Association = association;
        _promiseParent = parent;
        _promiseNumber = number;
    }

    public Association Association { get; }

    /// <summary>
    /// The path as it travels in frames: a promise's prefix and number, or the path with its uid,
    /// encoded once (each message to the actor copies these bytes).
    /// </summary>
    public WirePath WirePath => _promiseParent is { } parent
        ? WirePath.Numbered(parent.PrefixUtf8, _promiseNumber)
        : WirePath.FromUtf8(_pathUtf8 ??= WireText.StrictUtf8.GetBytes(Path.ToStringWithUid()));

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Association.Send(this, message, sender);
    }

    protected override ActorPath CreatePath() =>
        _promiseParent is { } parent ? parent.Path.Child(ActorSystemSpi.TemporaryName(_promiseNumber)) : base.CreatePath();

    protected override void OnWatch(IActorRef watcher) => Association.Watch(this, watcher);

    protected override void OnUnwatch(IActorRef watcher) => Association.Unwatch(this, watcher);

    protected override void OnWatchedActorTerminated(IActorRef deadActor, bool existenceConfirmed, bool addressTerminated) =>
        Association.SendDeathNotification(this, deadActor, existenceConfirmed);
}
