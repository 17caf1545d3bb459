using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// Where undeliverable messages go (<c>/deadLetters</c>). Each is published as a
/// <see cref="DeadLetter"/> with its reason; an Ask whose message died here fails at once
/// instead of waiting for its timeout; a watch of a dead actor is answered with its termination.
/// </summary>
internal sealed class DeadLetterOffice(ActorPath path, ActorSystemImpl system) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override IInternalActorRef? Parent => null;

    public override ActorSystemImpl System { get; } = system;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter letter)
        {
            Publish(letter);
            return;
        }

        Deliver(new Envelope(message, sender), this, DeadLetterReasons.NoRecipient);
    }

    public void Deliver(in Envelope envelope, IActorRef recipient, string reason)
    {
        // A dead letter that could not reach a subscriber is not reported again (that would loop).
        if (envelope.Message is DeadLetter)
        {
            return;
        }

        if (envelope.Sender is PromiseActorRef promise && envelope.Message is not Terminated)
        {
            promise.FailUndelivered(recipient, envelope.Message, reason);
        }

        Publish(new DeadLetter(envelope.Message, envelope.Sender, recipient, reason));
    }

    public void DeliverSystem(SystemMessage message, IInternalActorRef recipient)
    {
        // A watch of an actor that is gone is answered at once, so Terminated still arrives
        // exactly once even when the watch came too late.
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, recipient))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: !ReferenceEquals(watch.Watchee, this), addressTerminated: false));
        }
    }

    public override void SendSystemMessage(SystemMessage message) => DeliverSystem(message, this);

    private void Publish(DeadLetter letter) => System.EventStream.Publish(letter);
}
