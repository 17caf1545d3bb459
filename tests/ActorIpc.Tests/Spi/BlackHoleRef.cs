using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

/// <summary>An external reference that swallows messages, remembering the last sender.</summary>
internal sealed class BlackHoleRef(ActorSystem system, ActorPath path) : ExternalActorRef(system, path)
{
    private readonly TaskCompletionSource<IActorRef> _sender = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IActorRef> Sender => _sender.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        if (sender is not null)
        {
            _sender.TrySetResult(sender);
        }
    }

    protected override void OnWatch(IActorRef watcher)
    {
    }

    protected override void OnUnwatch(IActorRef watcher)
    {
    }
}
